print("lotse")
