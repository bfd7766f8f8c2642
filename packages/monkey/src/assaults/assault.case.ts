import { createServer, type Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { call, close, listen } from '../__fixtures__/http-fixtures.js';
import { applyConfigUpdate } from '../config/apply-config-update.js';
import { defaultConfig, sectionOf } from '../config/default-config.js';
import { MonkeyConfigError } from '../config/monkey-config-error.js';
import type { MonkeyConfigUpdate } from '../config/monkey-config.js';
import { createMonkey } from '../monkey/create-monkey.js';
import { fromAssaultDto, toAssaultDto } from '../spring/assault-properties.js';
import { allAssaults, type AssaultName } from './all-assaults.js';
import type { AssaultConfig, AssaultDefinition } from './assault.js';

export interface AssaultCaseOptions<C extends AssaultConfig> {
  /** A non-default, enabled section within Spring's ranges too (so it survives the Spring JSON). */
  attributes: C;
  /** Running it in the test process is safe and quick (false for the kill, tested in a child). */
  harmless: boolean;
}

const quiet = { info() {}, warn() {} };
const update = (section: string, value: unknown) => ({ [section]: value }) as MonkeyConfigUpdate;

/**
 * The contract every assault meets: it is listed and in the default config, its schema accepts its
 * defaults and rejects wrong types and unknown fields, its Spring properties carry its whole
 * section through the actuator API and back, it does nothing while disabled, and (when harmless)
 * it acts when enabled.
 */
export function assaultCase<C extends AssaultConfig>(
  assault: AssaultDefinition<C, AssaultName>,
  options: AssaultCaseOptions<C>,
): void {
  describe(`assault contract: ${assault.section}`, () => {
    const servers: Server[] = [];
    afterEach(async () => {
      await Promise.all(servers.splice(0).map(close));
    });

    it('is listed, describes itself, and its defaults are the default config section', () => {
      expect(allAssaults).toContain(assault);
      expect(assault.description.length).toBeGreaterThan(10);
      expect(Object.keys(assault.fields).sort()).toEqual(Object.keys(assault.defaults).sort());
      expect(sectionOf(defaultConfig(), assault)).toEqual(assault.defaults);
      expect(createMonkey({ logger: quiet }).stats().assaulted[assault.name]).toBe(0);
    });

    it('accepts its defaults and its test attributes, and rejects wrong types and unknown fields', () => {
      for (const section of [assault.defaults, options.attributes]) {
        expect(sectionOf(applyConfigUpdate(defaultConfig(), update(assault.section, section)), assault)).toEqual(
          section,
        );
      }
      for (const [field, kind] of Object.entries(assault.fields)) {
        if (kind.kind === 'any') continue;
        expect(() => applyConfigUpdate(defaultConfig(), update(assault.section, { [field]: { x: 1 } }))).toThrow(
          `${assault.section}.${field}: must be`,
        );
      }
      const error = (() => {
        try {
          applyConfigUpdate(defaultConfig(), update(assault.section, { nonsense: 1 }));
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(MonkeyConfigError);
      expect((error as MonkeyConfigError).problems[0]).toMatch(`${assault.section}.nonsense: unknown option`);
    });

    it('carries its whole section through Spring properties and back', () => {
      const config = applyConfigUpdate(defaultConfig(), update(assault.section, options.attributes));
      const dto = toAssaultDto(config);
      for (const name of assault.spring.flatMap((p) => p.names)) {
        if (!name.endsWith('Probability') || options.attributes.probability !== null) expect(dto).toHaveProperty(name);
      }
      const { update: read, problems } = fromAssaultDto(dto);
      expect(problems).toEqual([]);
      expect(sectionOf(applyConfigUpdate(defaultConfig(), read), assault)).toEqual(options.attributes);
    });

    it('is configured through the actuator API as a Spring client does', async () => {
      const monkey = createMonkey({ logger: quiet });
      const server = createServer(
        monkey.http((_req, res) => res.end('ok'), { actuator: monkey.actuator({ token: 't' }) }),
      );
      servers.push(server);
      const base = `${await listen(server)}/actuator/chaosmonkey/assaults`;
      const auth = { authorization: 'Bearer t' };
      const body = Object.assign({}, ...assault.spring.map((p) => p.write(options.attributes))) as Record<
        string,
        unknown
      >;
      const posted = await call(base, { method: 'POST', headers: auth, json: body });
      expect(posted.text).toBe('Assault config has changed');
      expect(sectionOf(monkey.getConfig(), assault)).toEqual(options.attributes);
      const got = await call(base, { headers: auth });
      expect(got.json).toMatchObject(body);
      monkey.close();
    });

    it('does nothing while it is disabled', () => {
      const monkey = createMonkey({
        logger: quiet,
        enabled: true,
        ...update(assault.section, { ...options.attributes, enabled: false }),
      });
      for (let i = 0; i < 20; i++)
        expect(monkey.decide({ kind: 'service', name: 'OrderService.find' })).toBeUndefined();
      expect(monkey.attack()).toEqual([]);
      expect(monkey.stats().assaulted[assault.name]).toBe(0);
      monkey.close();
    });

    // The kill is not run here (it would end the test process): its own test runs it in a child.
    if (options.harmless)
      it('acts when enabled (and only while the monkey is)', () => {
        const monkey = createMonkey({ logger: quiet, ...update(assault.section, options.attributes) });
        expect(monkey.attack()).toEqual([]);
        monkey.decide({ kind: 'service', name: 'OrderService.find' });
        expect(monkey.stats().assaulted[assault.name]).toBe(0);
        monkey.enable();
        // With its own probability it takes only that share of attacked calls: call until it acts.
        const attacked = () => monkey.stats().assaulted[assault.name];
        for (let i = 0; assault.attack && attacked() === 0 && i < 500; i++)
          monkey.decide({ kind: 'service', name: 'OrderService.find' });
        if (assault.start) expect(monkey.attack()).toEqual([assault.name]);
        expect(monkey.stats().assaulted[assault.name]).toBe(1);
        monkey.close();
      });
  });
}
