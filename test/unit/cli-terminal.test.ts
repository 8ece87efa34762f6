/**
 * Terminal escapes (issue 14, defect 6): a file name holding `\e[2J\e]0;PWNED\a` and line breaks, and a
 * title holding `\x1bc` and a bidi override, must reach the terminal as visible text: no ESC/BEL byte, no
 * forged result line.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { terminalSafe, terminalSafeLines } from '../../src/main/cli/terminal-text.ts';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');
const SAMPLE = readFileSync(path.join(ROOT, 'assets/samples/p04-blank-cells.txt'), 'utf8');
// The bytes that must never be printed.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

test('terminalSafe escapes control and bidi characters visibly, terminalSafeLines keeps line breaks', () => {
  assert.equal(terminalSafe('a\u001b[2Jb\nc\u0007\u202e'), 'a\\x1b[2Jb\\nc\\x07\\u202e');
  assert.equal(terminalSafeLines('第一行\n\t第二行\u001bc'), '第一行\n\t第二行\\x1bc');
  assert.equal(terminalSafe('临江市教育局 2024.txt'), '临江市教育局 2024.txt');
});

test('`ogi audit` prints no escape sequence and no forged line for hostile file names and titles', async (t) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'ogi-escapes-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const forgedName = 'x\u001b[2J\u001b]0;PWNED\u0007\n      临江市伪造局 · 2024年 · 100.0 分 优秀\r.txt';
  writeFileSync(path.join(dir, forgedName), SAMPLE);
  const title = SAMPLE.split('\n')[0]!;
  writeFileSync(path.join(dir, 'title.txt'), SAMPLE.replace(title, `\u001bc临江市\u202e局育教\u202c${title.slice(3)}`));
  const { stdout, stderr } = await run(process.execPath, [path.join(ROOT, 'bin/ogi-audit.mjs'), 'audit', dir], {
    cwd: ROOT, maxBuffer: 16 << 20,
  }).catch((e: { stdout: string; stderr: string }) => e);
  const printed = stdout + stderr;
  const bad = CONTROL.exec(printed);
  assert.equal(bad, null, `printed U+${bad?.[0].codePointAt(0)?.toString(16)}: ${JSON.stringify(printed.slice(0, 400))}`);
  const resultLines = stdout.split('\n').filter((l) => /^\[\d+\/\d+\]/.test(l));
  assert.equal(resultLines.length, 2, stdout);
  assert.ok(!stdout.includes('\n      临江市伪造局'), 'a file name forged a result line');
  assert.ok(stdout.includes('x\\x1b[2J\\x1b]0;PWNED\\x07\\n      临江市伪造局'), 'the file name is shown with visible escapes');
});

test('`ogi audit … | head -1` ends quietly (no EPIPE crash)', async () => {
  const { spawn } = await import('node:child_process');
  const child = spawn(process.execPath, [path.join(ROOT, 'bin/ogi-audit.mjs'), 'audit', path.join(ROOT, 'assets/samples')], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
  // Read the first chunk, then close our end of the pipe, as `head -1` does.
  await new Promise<void>((resolve) => child.stdout.once('data', () => { child.stdout.destroy(); resolve(); }));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  assert.doesNotMatch(stderr, /EPIPE|Error/, stderr);
  assert.ok(code === 0 || code === 2, `exit code ${code}: ${stderr}`);
});
