// Stands in for the `long` package in the browser build (vite.config.ts aliases it here).
// protobufjs, which the ONNX export uses, loads `long` when it starts, and `long` compiles a
// WebAssembly module at load. The stand-in came in when the page's CSP forbade that; the CSP now
// allows WebAssembly ('wasm-unsafe-eval', for the engine's kernels), but the stand-in stays so that
// protobufjs reads 64-bit integers as plain numbers in the browser as core/export/onnx-proto.ts
// expects (no size here comes near 2^53), and the page compiles no module it does not need.
export default null;
