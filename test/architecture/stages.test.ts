/**
 * The stages' boundaries, as the imports show them: parse → IR → emit, one direction;
 * no stage knows the cache or the CLI (caching is a layer generate() puts around them).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/shared.js';

const GENERATOR = join(REPO_ROOT, 'generator');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|js)$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The generator folders a file imports from (`parse`, `emit`, `cache`, …), static and dynamic imports alike. */
function importedFolders(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:from\s+|import\s*\(\s*)['"](\.[^'"]+)['"]/g)].map((match) => match[1]!);
  return specifiers.map((specifier) => relative(GENERATOR, resolve(dirname(file), specifier)).split(/[\\/]/)[0]!);
}

/** What each folder of generator/ may import (besides itself and node/npm packages). */
const ALLOWED: Record<string, string[]> = {
  shared: [],
  ir: ['shared'],
  // The API's conventions: applied to the IR by the assembly; emitters read the IR's profile through it.
  profile: ['ir', 'shared'],
  config: ['ir', 'profile', 'shared'],
  parse: ['ir', 'config', 'profile', 'shared'],
  // The samples check (generator/samples) runs after the SDK target, on its files: the SDK target calls it.
  emit: ['ir', 'profile', 'shared', 'samples'],
  // The docs' samples against the emitted SDK's files (as data): it never imports an emitter.
  samples: ['ir', 'shared'],
  // IR before and after → API changes, version, release history.
  changes: ['ir', 'profile', 'shared'],
  cache: ['ir', 'shared', 'parse', 'emit'],
  cli: ['ir', 'shared', 'parse', 'emit', 'cache', 'config', 'profile', 'changes'],
};

describe('stage boundaries', () => {
  const folders = readdirSync(GENERATOR).filter((name) => statSync(join(GENERATOR, name)).isDirectory());

  it('every folder of generator/ has a rule', () => {
    expect(folders.filter((folder) => !(folder in ALLOWED))).toEqual([]);
  });

  for (const folder of folders) {
    it(`${folder}/ imports only ${ALLOWED[folder]?.join(', ') || 'nothing of generator/'}`, () => {
      const wrong = sources(join(GENERATOR, folder)).flatMap((file) =>
        importedFolders(file)
          .filter((target) => target !== folder && !ALLOWED[folder]?.includes(target))
          .map((target) => `${relative(GENERATOR, file)} → ${target}/`),
      );
      expect(wrong).toEqual([]);
    });
  }
});
