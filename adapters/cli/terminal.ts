// Decides how the terminal chat prints: colour only on a TTY that supports it and when NO_COLOR
// is unset (https://no-color.org), wrapping only on a TTY, to its current width. Pure over the
// stream and the environment values the composition root hands in; reads no environment itself.

import type { Writable } from 'node:stream';
import type { TerminalRenderOptions, WrapFn } from './render.ts';

export interface TerminalEnv {
  NO_COLOR?: string | undefined;
  FORCE_COLOR?: string | undefined;
}

type MaybeTty = Writable & { isTTY?: boolean; columns?: number; hasColors?: (count?: number) => boolean };

/** Render options for `stream` now; call again per answer, as the window may have been resized. */
export function terminalStyle(stream: Writable, env: TerminalEnv = {}): Pick<TerminalRenderOptions, 'width' | 'colour'> {
  const tty = stream as MaybeTty;
  if (!tty.isTTY) return { width: Number.POSITIVE_INFINITY, colour: false };
  // NO_COLOR: present and not empty means no colour, whatever else is set.
  const noColour = env.NO_COLOR !== undefined && env.NO_COLOR !== '';
  const forced = env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  const colour = !noColour && (forced || (typeof tty.hasColors === 'function' ? tty.hasColors() : false));
  const width = typeof tty.columns === 'number' && tty.columns > 0 ? tty.columns : 80;
  return { width, colour };
}

/** Loads wrap-ansi, only when output will be wrapped (its Unicode tables cost start-up time). */
export async function loadWrapper(width: number | undefined): Promise<WrapFn | undefined> {
  if (width === undefined || !Number.isFinite(width)) return undefined;
  return (await import('wrap-ansi')).default;
}
