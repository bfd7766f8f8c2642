import type { ToxicAttributes, ToxicDefinition } from './toxic.js';

/** An explicit set of toxic kinds; a server gets one (no registration on import). */
export class ToxicRegistry {
  private readonly byType = new Map<string, ToxicDefinition>();

  constructor(definitions: readonly ToxicDefinition[] = []) {
    for (const definition of definitions) this.register(definition);
  }

  register<A extends ToxicAttributes>(definition: ToxicDefinition<A>): this {
    if (this.byType.has(definition.type)) throw new Error(`toxic type "${definition.type}" is already registered`);
    this.byType.set(definition.type, definition);
    return this;
  }

  get(type: string): ToxicDefinition | undefined {
    return this.byType.get(type);
  }

  types(): string[] {
    return [...this.byType.keys()];
  }
}
