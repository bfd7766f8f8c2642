/** A piece of a byte stream, stamped with when it left the source (performance.now() ms). */
export interface Chunk {
  data: Buffer;
  at: number;
}

/** Where a stage sends its chunks; `null` means end of stream. */
export interface ChunkOutput {
  push(chunk: Chunk | null): void;
}
