// libLibTorchSharp.so was built with GCC 13+, whose headers make every translation unit that includes <iostream>
// call std::ios_base_library_init()@GLIBCXX_3.4.32. GCC 12's libstdc++ (Debian 12) predates that symbol; this
// defines it under the same version name and does what GCC 13's libstdc++ does: run the iostream initialiser.
#include <ios>

namespace std
{
void ios_base_library_init()
{
    static ios_base::Init init;
}
}
