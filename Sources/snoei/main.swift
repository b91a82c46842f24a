print("snoei")
