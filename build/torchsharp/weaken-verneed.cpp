// Sets VER_FLG_WEAK on one version requirement (a Vernaux entry of .gnu.version_r) of an ELF64 shared library.
// With the flag set, the dynamic loader accepts a libstdc++ that lacks the version and binds the versioned
// symbol to whatever library in the load scope defines it (here: the GLIBCXX shim).
// Usage: weaken-verneed FILE VERSION. Exit 0 when the entry is weak afterwards (already or now), 2 when the file
// has no such requirement, 1 on any other error. Written in C++ because g++ is already required for the shim and,
// unlike python, is guaranteed on the machines that need this fix.
#include <elf.h>

#include <cstddef>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace
{
template <typename T>
bool read_at(const std::vector<char>& image, std::size_t offset, T& value)
{
    if (offset > image.size() || image.size() - offset < sizeof(T))
    {
        return false;
    }
    std::memcpy(&value, image.data() + offset, sizeof(T));
    return true;
}

int fail(const char* message)
{
    std::fprintf(stderr, "weaken-verneed: %s\n", message);
    return 1;
}
}

int main(int argc, char** argv)
{
    if (argc != 3)
    {
        return fail("usage: weaken-verneed FILE VERSION");
    }
    const std::string path = argv[1];
    const std::string wanted = argv[2];

    std::vector<char> image;
    {
        std::ifstream in(path, std::ios::binary);
        if (!in)
        {
            return fail("cannot open the file");
        }
        image.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }

    Elf64_Ehdr header{};
    if (!read_at(image, 0, header) || std::memcmp(header.e_ident, ELFMAG, SELFMAG) != 0
        || header.e_ident[EI_CLASS] != ELFCLASS64 || header.e_ident[EI_DATA] != ELFDATA2LSB
        || header.e_shentsize != sizeof(Elf64_Shdr))
    {
        return fail("not a little-endian ELF64 file with standard section headers");
    }

    std::vector<Elf64_Shdr> sections(header.e_shnum);
    for (std::size_t i = 0; i < sections.size(); ++i)
    {
        if (!read_at(image, header.e_shoff + i * sizeof(Elf64_Shdr), sections[i]))
        {
            return fail("truncated section header table");
        }
    }

    for (const auto& section : sections)
    {
        if (section.sh_type != SHT_GNU_verneed)
        {
            continue;
        }
        if (section.sh_link >= sections.size())
        {
            return fail(".gnu.version_r links to a missing string table");
        }
        const auto& strings = sections[section.sh_link];

        std::size_t need_offset = section.sh_offset;
        for (;;)
        {
            Elf64_Verneed need{};
            if (!read_at(image, need_offset, need))
            {
                return fail("truncated .gnu.version_r");
            }
            std::size_t aux_offset = need_offset + need.vn_aux;
            for (unsigned i = 0; i < need.vn_cnt; ++i)
            {
                Elf64_Vernaux aux{};
                if (!read_at(image, aux_offset, aux) || aux.vna_name >= strings.sh_size)
                {
                    return fail("truncated Vernaux entry");
                }
                const std::size_t name_offset = strings.sh_offset + aux.vna_name;
                const std::size_t name_room = strings.sh_size - aux.vna_name;
                if (name_offset >= image.size() || image.size() - name_offset < name_room)
                {
                    return fail("version name lies outside the file");
                }
                if (strnlen(image.data() + name_offset, name_room) == wanted.size()
                    && std::memcmp(image.data() + name_offset, wanted.data(), wanted.size()) == 0)
                {
                    if (aux.vna_flags & VER_FLG_WEAK)
                    {
                        std::printf("%s: %s already weak\n", path.c_str(), wanted.c_str());
                        return 0;
                    }
                    aux.vna_flags |= VER_FLG_WEAK;
                    std::fstream out(path, std::ios::binary | std::ios::in | std::ios::out);
                    out.seekp(static_cast<std::streamoff>(aux_offset + offsetof(Elf64_Vernaux, vna_flags)));
                    out.write(reinterpret_cast<const char*>(&aux.vna_flags), sizeof(aux.vna_flags));
                    if (!out.flush())
                    {
                        return fail("cannot write the file");
                    }
                    std::printf("%s: %s marked weak\n", path.c_str(), wanted.c_str());
                    return 0;
                }
                if (aux.vna_next == 0)
                {
                    break;
                }
                aux_offset += aux.vna_next;
            }
            if (need.vn_next == 0)
            {
                break;
            }
            need_offset += need.vn_next;
        }
    }
    std::fprintf(stderr, "weaken-verneed: %s requires no version %s\n", path.c_str(), wanted.c_str());
    return 2;
}
