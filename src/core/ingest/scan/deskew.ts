/**
 * Small rotations of a scanned page (a sheet fed at a slight angle): the angle at which the rows of ink
 * line up best, found by projection profiles, so text lines and table rules become horizontal again.
 */
import { rotate, type GrayImage } from './gray-image.ts';

/** Scans are straightened within this range (degrees); larger angles are left as they are. */
const MAX_SKEW = 2;

/**
 * The skew of the page in degrees: rotating the image by minus this straightens it. Ink pixels of a
 * shrunken copy are projected onto the vertical axis along each candidate slope; the slope whose profile
 * has the sharpest peaks (largest sum of squares) is the one the lines run along.
 */
export function estimateSkew(image: GrayImage, threshold: number): number {
  const step = Math.max(1, Math.round(image.width / 600));
  const xs: number[] = [];
  const ys: number[] = [];
  for (let y = 0; y < image.height; y += step) {
    for (let x = 0; x < image.width; x += step) {
      if (image.data[y * image.width + x]! < threshold) {
        xs.push(x);
        ys.push(y);
      }
    }
  }
  if (xs.length < 100) return 0;
  const score = (degrees: number): number => {
    const slope = Math.tan((degrees * Math.PI) / 180);
    const bins = new Float64Array(Math.ceil((image.height + image.width * Math.abs(slope)) / step) + 2);
    const offset = image.width * Math.abs(slope);
    for (let i = 0; i < xs.length; i++) {
      const b = Math.round((ys[i]! - xs[i]! * slope + offset) / step);
      bins[b]!++;
    }
    let sum = 0;
    for (let i = 0; i < bins.length; i++) sum += bins[i]! * bins[i]!;
    return sum;
  };
  let best = 0;
  let bestScore = score(0);
  for (let a = -MAX_SKEW; a <= MAX_SKEW + 1e-9; a += 0.1) {
    const s = score(a);
    if (s > bestScore) [best, bestScore] = [a, s];
  }
  const coarse = best;
  for (let a = coarse - 0.1; a <= coarse + 0.1 + 1e-9; a += 0.02) {
    const s = score(a);
    if (s > bestScore) [best, bestScore] = [a, s];
  }
  return Math.round(best * 100) / 100;
}

/** The page turned upright, and the angle it was turned by (degrees). */
export function deskew(image: GrayImage, threshold: number): { image: GrayImage; angle: number } {
  const angle = estimateSkew(image, threshold);
  if (Math.abs(angle) < 0.05) return { image, angle: 0 };
  // The corners turned in are filled with the paper's own grey: white beside greyish, grainy paper makes
  // its grain pass for ink all along the seam, and a line of text running into it grows to the page edge.
  return { image: rotate(image, -angle, paperLevel(image, threshold)), angle };
}

/** The median grey of the pixels lighter than `threshold` (the paper). */
function paperLevel(image: GrayImage, threshold: number): number {
  const histogram = new Uint32Array(256);
  for (let i = 0; i < image.data.length; i++) histogram[image.data[i]!]!++;
  let paper = 0;
  for (let v = threshold + 1; v < 256; v++) paper += histogram[v]!;
  let seen = 0;
  for (let v = threshold + 1; v < 256; v++) {
    seen += histogram[v]!;
    if (seen * 2 >= paper) return v;
  }
  return 255;
}
