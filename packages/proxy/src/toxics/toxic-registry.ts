import { UsageError } from '@faultline/core/errors';
import type { ToxicAttributes, ToxicDefinition } from './toxic.js';

/** An explicit set of toxic kinds; a server gets one (no registration on import). */
export class ToxicRegistry {
  private readonly byType = new Map<string, ToxicDefinition>();

  constructor(definitions: readonly ToxicDefinition[] = []) {
    for (const definition of definitions) this.register(definition);
  }

  register<A extends ToxicAttributes>(definition: ToxicDefinition<A>): this {
    if (this.byType.has(definition.type))
      throw new UsageError(`toxic type "${definition.type}" is already registered`, {
        code: 'E_PROXY_TOXIC_TYPE',
        hint: 'give the custom toxic a type of its own',
      });
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
