/** Every exit code of krant, in one place (the README and --help say the same). */
export const EXIT = {
  ok: 0,
  nothingFound: 1,
  usage: 2,
  unknownId: 3,
  /** `krant fetch` / `krant add`: some feed or page failed (the others were done). */
  feedFailed: 4,
  internal: 70,
  /** 128 + the signal's number: the shell's convention. */
  hangUp: 129,
  interrupt: 130,
  terminate: 143,
} as const;
