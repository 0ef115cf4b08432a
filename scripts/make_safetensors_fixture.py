#!/usr/bin/python3
"""Writes tracer/src/test/resources/safetensors/{mixed.safetensors,mixed.expected.json}.

An independent writer (Python struct + json, no safetensors library) for SafetensorsReaderTest: three tensors in F32,
F16 and BF16 with edge values, a __metadata__ map, and a header padded with spaces. The expected values are decoded
by Python (struct 'e' for binary16; bfloat16 as the high half of a float32), not by the Java code under test.

Run from the repository root:  /usr/bin/python3 scripts/make_safetensors_fixture.py
"""
import json
import math
import struct

OUT = "tracer/src/test/resources/safetensors/"

f32 = [0.5, -1.25, 3.0, 1e-8, -0.0, 65504.0]
f16_bits = [0x3C00, 0x0001, 0xFBFF, 0x7C00, 0x3555, 0x8400]          # 1, 2^-24, -65504, inf, ~1/3, -2^-14
bf16_bits = [0x3F80, 0xC000, 0x0001, 0x7F80, 0x3EAB, 0x4049]         # 1, -2, 2^-133, inf, ~1/3, ~3.14

data = b"".join(struct.pack("<f", v) for v in f32)
f32_end = len(data)
data += b"".join(struct.pack("<H", b) for b in f16_bits)
f16_end = len(data)
data += b"".join(struct.pack("<H", b) for b in bf16_bits)

header = {
    "__metadata__": {"format": "pt", "made_by": "scripts/make_safetensors_fixture.py"},
    "a.f32": {"dtype": "F32", "shape": [2, 3], "data_offsets": [0, f32_end]},
    "b.f16": {"dtype": "F16", "shape": [6], "data_offsets": [f32_end, f16_end]},
    "c.bf16": {"dtype": "BF16", "shape": [3, 2], "data_offsets": [f16_end, len(data)]},
}
text = json.dumps(header).encode()
text += b" " * (-len(text) % 8)
with open(OUT + "mixed.safetensors", "wb") as f:
    f.write(struct.pack("<Q", len(text)) + text + data)


def show(v):
    return "inf" if v == math.inf else "-inf" if v == -math.inf else repr(v)


expected = {
    "a.f32": [show(struct.unpack("<f", struct.pack("<f", v))[0]) for v in f32],
    "b.f16": [show(struct.unpack("<e", struct.pack("<H", b))[0]) for b in f16_bits],
    "c.bf16": [show(struct.unpack("<f", struct.pack("<I", b << 16))[0]) for b in bf16_bits],
}
with open(OUT + "mixed.expected.json", "w") as f:
    json.dump(expected, f, indent=1)
    f.write("\n")
