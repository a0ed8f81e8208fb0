// The page's CSP forbids eval (script-src 'self' 'wasm-unsafe-eval': WebAssembly may compile,
// script may not). Zod would otherwise probe `new Function` once to decide whether to compile
// fast parsers, which the CSP reports as a violation; its interpreted mode is fast enough for
// project files. Import this before anything parses.
import { config } from 'zod';

config({ jitless: true });
