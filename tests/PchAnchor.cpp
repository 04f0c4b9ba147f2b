// Compiled only so that CMake builds the tests' shared precompiled header.
