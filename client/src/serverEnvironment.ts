/**
 * What the language server's process gets besides the editor's environment. glibc gives threads
 * their own malloc arenas and keeps what the index workers freed in them; with two arenas (the
 * server has three threads at most) its peak while reading 10,000 notes files was 278–289 MB
 * instead of 295–338 in alternating runs. Other editors can set the same (README, Other editors).
 */
export const SERVER_ENVIRONMENT: Record<string, string> = { MALLOC_ARENA_MAX: '2' };
