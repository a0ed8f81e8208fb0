// The exports to other tools (ONNX, PyTorch) and ONNX import, as core's public surface shows them.
export { exportOnnx, ONNX_INPUT, ONNX_OUTPUT, ONNX_METADATA, type OnnxExportOptions, type OnnxExportResult, type OnnxProjectNote } from './onnx';
export { importOnnx, type OnnxImportResult } from './onnx-import';
export { exportPyTorch, type PyTorchExportOptions, type PyTorchExportResult } from './pytorch';
export { BLOCK_FORMATS, IMPORTABLE_OPS } from './blocks';
export { OPSET as ONNX_OPSET, IR_VERSION as ONNX_IR_VERSION, type FloatType } from './onnx-proto';
