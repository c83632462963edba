// The three packages as a user gets them: `npm pack` here, then `npm install <tarballs>` into a fresh project in
// the OS temp directory (outside the workspace: no workspace node_modules), dependencies from the registry.
import { cp, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cleanEnv, run } from './processes.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const FIXTURE = fileURLToPath(new URL('./fixtures/tarball-consumer/', import.meta.url));
export const PACKAGES = ['@faceid-verify/proxy', '@faceid-verify/simulator', '@faceid-verify/element'];
/** What a React 19 user installs beside our packages (the wrapper's optional peers, the typechecker). */
const CONSUMER_DEPENDENCIES = ['react@19', 'react-dom@19', '@types/react@19', '@lit/react@1', 'typescript@5'];

async function must(command: string, args: string[], cwd: string): Promise<string> {
  const { code, output } = await run(command, args, { cwd, env: cleanEnv() });
  if (code !== 0) throw new Error(`${command} ${args.join(' ')} exited ${code}:\n${output}`);
  return output;
}

/** Packs the packages and installs the tarballs into a new project with the consumer fixture; returns its folder. */
export async function installFromTarballs(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'faceid-tarballs-'));
  const packs = join(dir, 'packs');
  const project = join(dir, 'project');
  await mkdir(packs);
  const workspaces = PACKAGES.flatMap((name) => ['-w', name]);
  const packed = JSON.parse(
    await must('npm', ['pack', '--json', '--pack-destination', packs, ...workspaces], ROOT),
  ) as { filename: string }[];
  await cp(FIXTURE, project, { recursive: true });
  await writeFile(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  const tarballs = packed.map(({ filename }) => join(packs, filename));
  await must(
    'npm',
    ['install', '--no-audit', '--no-fund', '--prefer-offline', ...tarballs, ...CONSUMER_DEPENDENCIES],
    project,
  );
  return project;
}
