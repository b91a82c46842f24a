// Work in progress: the commands land once the modules they use are in.
@main struct Snoei { static func main() { print("snoei") } }
