// The multipart/form-data reader: forms as Node's form-data, curl and browsers write them, and the
// malformed ones a route must answer with 400 rather than guess at.
#include <catch2/catch.hpp>

#include "bot/multipart.hpp"

namespace multipart_test {

using namespace bot::multipart;

namespace {

const std::string b = "--------------------------515890814546601021194782";

std::string field(const std::string& name, const std::string& value) {
  return "--" + b + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n";
}

std::string close() {
  return "--" + b + "--\r\n";
}

}  // namespace

TEST_CASE("multipart: the boundary comes from the Content-Type as senders write it", "[multipart]") {
  CHECK(boundary_of("multipart/form-data; boundary=" + b) == b);
  CHECK(boundary_of("multipart/form-data;boundary=" + b) == b);  // node-fetch leaves out the space
  CHECK(boundary_of("Multipart/Form-Data; charset=utf-8; BOUNDARY=\"a b'c\"") == "a b'c");
  CHECK(boundary_of("multipart/form-data; boundary=----=_Part_1") == "----=_Part_1");
  CHECK_FALSE(boundary_of("application/json"));
  CHECK_FALSE(boundary_of("multipart/form-data"));
  CHECK_FALSE(boundary_of("multipart/mixed; boundary=abc"));
  CHECK_FALSE(boundary_of("multipart/form-data; boundary="));
  CHECK_FALSE(boundary_of("multipart/form-data; boundary=" + std::string(71, 'a')));
  CHECK_FALSE(boundary_of("multipart/form-data; boundary=\"ends with space \""));
  CHECK_FALSE(boundary_of("multipart/form-data; boundary=\"not closed"));
  CHECK_FALSE(boundary_of("multipart/form-data; boundary=a{b}"));
  CHECK_FALSE(boundary_of("multipart/form-data; boundary=abc junk"));
}

TEST_CASE("multipart: fields and a file come out with their names, bytes intact", "[multipart]") {
  const char raw[] = "\xFF\xD8\xFF\xE0\r\n--not-the-boundary\r\n\0tail";
  const std::string binary(raw, sizeof raw - 1);
  const std::string body = field("source", R"({"room":""})") + field("type", "file") + "--" + b +
                           "\r\nContent-Disposition: form-data; name=\"content\"; filename=\"照片 1.jpg\"\r\n"
                           "Content-Type: image/jpeg\r\n\r\n" +
                           binary + "\r\n" + field("empty", "") + close();
  auto r = parse(body, b);
  REQUIRE(r.value);
  const form& f = *r.value;
  REQUIRE(f.parts.size() == 4);
  CHECK(f.find("source")->body == R"({"room":""})");
  CHECK(f.find("source")->filename.empty());
  CHECK(f.find("content")->body == binary);
  CHECK(f.find("content")->filename == "照片 1.jpg");
  CHECK(f.find("content")->content_type == "image/jpeg");
  CHECK(f.find("empty")->body.empty());
  CHECK(f.find("missing") == nullptr);
  CHECK(f.count("type") == 1);
}

TEST_CASE("multipart: what RFC 2046 allows around the boundaries is accepted", "[multipart]") {
  SECTION("transport padding after a boundary and an epilogue after the last") {
    std::string body =
        "--" + b + " \t\r\ncontent-disposition: FORM-DATA; name=a\r\n\r\n1\r\n--" + b + "--\r\nan epilogue";
    auto r = parse(body, b);
    REQUIRE(r.value);
    CHECK(r.value->find("a")->body == "1");
  }
  SECTION("no CRLF after the closing boundary, quoted escapes, unknown headers") {
    std::string body =
        "--" + b +
        "\r\nContent-Disposition: form-data; name=\"say \\\"hi\\\"\"\r\nX-Extra: 1\r\n\r\nv\r\n--" + b + "--";
    auto r = parse(body, b);
    REQUIRE(r.value);
    CHECK(r.value->parts.at(0).name == "say \"hi\"");
  }
}

TEST_CASE("multipart: malformed forms are refused with the reason, never guessed at", "[multipart]") {
  const std::string ok_part = field("type", "text");
  auto refused = [](const std::string& body, const std::string& boundary = b) {
    auto r = parse(body, boundary);
    CHECK_FALSE(r.value);
    return r.error;
  };
  CHECK(refused("") == "the body does not start with its boundary");
  CHECK(refused("preamble\r\n" + ok_part + close()) == "the body does not start with its boundary");
  CHECK(refused(ok_part) == "a part is not followed by the boundary");
  CHECK(refused(ok_part + "--" + b) == "the body ends without its closing boundary");
  CHECK(refused("--" + b + "x\r\n") == "a boundary line has more after the boundary");
  CHECK(refused("--" + b + "--\r\n") == "the form has no parts");
  CHECK(refused("--" + b + "\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nno end") ==
        "a part is not followed by the boundary");
  CHECK(refused("--" + b + "\r\nContent-Disposition: form-data; name=\"a\"") ==
        "a part's headers do not end");
  CHECK(refused("--" + b + "\r\n\r\nbody\r\n" + close()) == "a part has no Content-Disposition");
  CHECK(refused("--" + b + "\r\nContent-Type: text/plain\r\n\r\nbody\r\n" + close()) ==
        "a part has no Content-Disposition");
  CHECK(refused("--" + b + "\r\nContent-Disposition: attachment; name=\"a\"\r\n\r\nx\r\n" + close()) ==
        "a part's Content-Disposition is not form-data");
  CHECK(refused("--" + b + "\r\nContent-Disposition: form-data\r\n\r\nx\r\n" + close()) ==
        "a part's Content-Disposition has no name");
  CHECK(refused("--" + b + "\r\nContent-Disposition: form-data; name=\"\"\r\n\r\nx\r\n" + close()) ==
        "a part's Content-Disposition has no name");
  CHECK(refused("--" + b + "\r\nContent-Disposition: form-data; name=\"a\r\n\r\nx\r\n" + close()) ==
        "a part's Content-Disposition is malformed");
  CHECK(refused("--" + b + "\r\nContent-Disposition: form-data; name=\"a\" filename=\"b\"\r\n\r\nx\r\n" +
                close()) == "a part's Content-Disposition is malformed");
  CHECK(refused("--" + b + "\r\nno colon here\r\n\r\nx\r\n" + close()) == "a part's header line has no name");
  CHECK(refused("--" + b + "\r\n: value\r\n\r\nx\r\n" + close()) == "a part's header line has no name");
  const std::string disposition = "Content-Disposition: form-data; name=\"a\"\r\n";
  CHECK(refused("--" + b + "\r\n" + disposition + " folded\r\n\r\nx\r\n" + close()) ==
        "a part's header is folded");
  CHECK(refused("--" + b + "\r\n" + disposition + disposition + "\r\nx\r\n" + close()) ==
        "a part has two Content-Disposition headers");
  CHECK(refused("--" + b + "\r\n" + disposition + "Content-Type: ;x\r\n\r\nx\r\n" + close()) ==
        "a part's Content-Type is malformed");
  CHECK(refused("--" + b + "\r\n" + disposition + "X-Long: " + std::string(2000, 'a') + "\r\n\r\nx\r\n" +
                close()) == "a part's header line is too long");
  std::string many_headers;
  for (int i = 0; i < 9; ++i) many_headers += "X-" + std::to_string(i) + ": 1\r\n";
  CHECK(refused("--" + b + "\r\n" + disposition + many_headers + "\r\nx\r\n" + close()) ==
        "a part has more than 8 header lines");
  std::string many_parts;
  for (std::size_t i = 0; i <= max_parts; ++i) many_parts += ok_part;
  CHECK(refused(many_parts + close()) == "more than 64 parts");
  CHECK(refused(ok_part + close(), "") == "the boundary is not one RFC 2046 allows");
}

TEST_CASE("multipart: every truncation of a valid form is refused or read, never a crash", "[multipart]") {
  const std::string body = field("source", "{}") + "--" + b +
                           "\r\nContent-Disposition: form-data; name=\"content\"; filename=\"a.jpg\"\r\n"
                           "Content-Type: image/jpeg\r\n\r\n\xFF\xD8\r\n" +
                           close();
  for (std::size_t n = 0; n < body.size(); ++n) {
    INFO(n);
    auto r = parse(std::string_view(body).substr(0, n), b);
    // Only a cut inside the closing boundary's trailing "--\r\n" epilogue can still read as a form.
    if (r.value) CHECK(n >= body.size() - 2);
  }
  CHECK(parse(body, b).value);
}

}  // namespace multipart_test
