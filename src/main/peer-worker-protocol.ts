/**
 * Messages between the import (PeerCache → PeerComparer) and peer-worker: the worker keeps a copy of each
 * year's peers and their sketch index, the import keeps it current and asks for one report's comparison.
 * Messages are handled in the order sent, so a comparison sees every peer added before it was asked.
 */
import type { Finding, Report } from '../shared/model.ts';
import type { CheckOptions } from './engine.ts';

/** One peer as the worker holds it: the narrative part of the report (see `narrativeOnly`) and its fingerprint. */
export interface PeerEntry {
  key: string;
  file: string;
  department: string | null;
  year: number | null;
  report: Report;
  fingerprint: unknown;
}

export interface AddPeers {
  kind: 'add';
  year: number;
  peers: PeerEntry[];
}

export interface RemovePeer {
  kind: 'remove';
  year: number;
  key: string;
}

export interface ComparePeers {
  kind: 'compare';
  id: number;
  year: number;
  /** Keys of the peers that are not peers of this report (its own department, its own stored version). */
  exclude: string[];
  report: Report;
  fingerprint: unknown;
  options: CheckOptions;
}

export type PeerRequest = AddPeers | RemovePeer | ComparePeers;

export type PeerAnswer = { id: number; findings: Finding[]; error: null } | { id: number; findings: null; error: string };
