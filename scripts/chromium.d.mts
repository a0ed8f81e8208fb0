// Types for scripts/chromium.mjs (used by the test harnesses that drive Chromium).
export declare function findChromium(): string | null;
