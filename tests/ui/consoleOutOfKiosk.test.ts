import { describe, expect, it } from 'vitest';
import { bundledLocaleFiles, citizenNamespaces } from '../../src/i18n/localeBundles';
import { bundledNamespaces } from '../../src/i18n/resources';

describe("the kiosk's translations", () => {
  it("leave the office console's namespace to the console's own build", () => {
    expect(bundledLocaleFiles().map(([, namespace]) => namespace)).not.toContain('console');
    expect(citizenNamespaces()).not.toContain('console');
    expect(bundledNamespaces()).not.toContain('console');
  });
});
