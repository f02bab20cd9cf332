export interface ReaderOptions { dir: string; id?: string; search?: string; env: NodeJS.ProcessEnv }
export async function startReader(_o: ReaderOptions): Promise<number> {
  process.stdout.write('The reader is not built yet; use --print.\n');
  return 0;
}
