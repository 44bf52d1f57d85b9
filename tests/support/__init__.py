"""Loopback servers and fakes the tests run against (no patched library internals)."""
