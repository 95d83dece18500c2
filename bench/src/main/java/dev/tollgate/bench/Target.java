package dev.tollgate.bench;

/** Where a run sends its calls (the mock itself, "direct", or a gateway in front of it), with which key, for which model. */
record Target(String name, int port, String authorization, String model) {
}
