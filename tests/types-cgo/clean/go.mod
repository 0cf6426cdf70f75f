module cgoclean

go 1.26
