/* An ordinary shared library that is not a confscope plugin (no entry symbol). */
__attribute__((visibility("default"))) int add_numbers(int a, int b) {
    return a + b;
}
