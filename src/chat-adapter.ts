// The interface every chat adapter (cli, slack, discord) implements. The core defines it and
// the composition root (adapters/main.ts) wires adapters to a BotCore; adapters only translate.

export interface ChatAdapter {
  readonly platform: 'cli' | 'slack' | 'discord';
  /** Connects and starts handling messages. Safe to call again after stop(). */
  start(): Promise<void>;
  /** Disconnects and releases ports/sockets. Safe to call twice, or before start(). */
  stop(): Promise<void>;
}
