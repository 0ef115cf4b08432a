package org.circuitgrammar.corpus.json;

import java.util.List;

/**
 * Node id → index of its first occurrence, looked up straight from the parser's character buffer so the link loop
 * allocates no strings. Open addressing with linear probing at load ≤ 0.5; O(length of the id) per lookup.
 */
final class NodeIdTable {
    private final String[] keys;
    private final int[] values;
    private final int mask;

    /** Indexes {@code ids}; a repeated id keeps its first index. */
    NodeIdTable(List<String> ids) {
        int capacity = Integer.highestOneBit(Math.max(4, ids.size() * 2 - 1)) << 1;
        keys = new String[capacity];
        values = new int[capacity];
        mask = capacity - 1;
        for (int v = 0; v < ids.size(); v++) {
            String id = ids.get(v);
            int slot = mix(id.hashCode()) & mask;
            while (keys[slot] != null && !keys[slot].equals(id)) {
                slot = (slot + 1) & mask;
            }
            if (keys[slot] == null) {
                keys[slot] = id;
                values[slot] = v;
            }
        }
    }

    /** The first index of {@code id}, or -1. */
    int get(String id) {
        return get(id.toCharArray(), 0, id.length());
    }

    /** The first index of the id in {@code chars[offset, offset+length)}, or -1. */
    int get(char[] chars, int offset, int length) {
        int h = 0;
        for (int i = offset; i < offset + length; i++) {
            h = 31 * h + chars[i];
        }
        for (int slot = mix(h) & mask; keys[slot] != null; slot = (slot + 1) & mask) {
            if (matches(keys[slot], chars, offset, length)) {
                return values[slot];
            }
        }
        return -1;
    }

    private static boolean matches(String key, char[] chars, int offset, int length) {
        if (key.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (key.charAt(i) != chars[offset + i]) {
                return false;
            }
        }
        return true;
    }

    /** Spreads String.hashCode's low bits, which cluster for ids that differ only in their last digits. */
    private static int mix(int h) {
        int x = h * 0x9E3779B9;
        return x ^ (x >>> 16);
    }
}
