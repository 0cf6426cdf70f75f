package p

for {} // ERROR "non-declaration statement outside function body"
