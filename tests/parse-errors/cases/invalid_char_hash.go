package p

#include <stdio.h> // ERROR "invalid character U\+0023 '#'"
