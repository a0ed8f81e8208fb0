// Stands in for the `long` package in the browser build (vite.config.ts aliases it here).
// protobufjs, which the ONNX export uses, loads `long` when it starts, and `long` compiles a
// WebAssembly module at load: the page's CSP forbids that (no 'wasm-unsafe-eval', S7), so every
// page load would report a violation. Without it protobufjs reads 64-bit integers as plain
// numbers, which core/export/onnx-proto.ts expects anyway (no size here comes near 2^53).
export default null;
