;; The feature probe of pkg/web/govit_check.js (PROBE, base64 of `wat2wasm probe.wat`):
;; valid only where every feature of the modern build is: reference types (an externref
;; parameter), multi-value (two results), bulk memory (memory.copy), sign-ext (i32.extend8_s)
;; and non-trapping float-to-int (i32.trunc_sat_f32_s). scripts/test-wasm.sh checks that
;; PROBE is this module and that it fails validation with each feature turned off.
(module
  (memory 1)
  (func (param externref) (result i32 i32)
    (memory.copy (i32.const 0) (i32.const 0) (i32.const 0))
    (i32.extend8_s (i32.const 0))
    (i32.trunc_sat_f32_s (f32.const 0))))
