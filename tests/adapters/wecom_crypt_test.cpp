// WXBizMsgCrypt for WeCom callbacks and WeChat Official Account safe mode: the published vectors
// (protocols/wecom-wechat.md §1.10, V1–V7), broken inputs, and the base64 helpers underneath.
#include <openssl/evp.h>

#include <catch2/catch.hpp>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "adapters/wecom/wx_crypt.hpp"
#include "bot/crypto.hpp"

namespace wecom_crypt_test {

using adapters::wecom::crypt_error;
using adapters::wecom::sorted_sha1;
using adapters::wecom::wx_crypt;
using namespace std::string_view_literals;

// V1–V4 (WeCom samples).
constexpr const char* wecom_crypt_v1_key = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
constexpr const char* wecom_crypt_v1_echostr =
    "P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==";
constexpr const char* wecom_crypt_v2_encrypt =
    "RypEvHKD8QQKFhvQ6QleEB4J58tiPdvo+rtK1I9qca6aM/wvqnLSV5zEPeusUiX5L5X/0lWfrf0QADHHhGd3QczcdCUpj911L3vg3W/"
    "sYYvuJTs3TUUkSUXxaccAS0qhxchrRYt66wiSpGLYL42aM6A8dTT+6k4aSknmPj48kzJs8qLjvd4Xgpue06DOdnLxAUHzM6+kDZ+"
    "HMZfJYuR+LtwGc2hgf5gsijff0ekUNXZiqATP7PF5mZxZ3Izoun1s4zG4LUMnvw2r+KqCKIw+3IQH03v+"
    "BCA9nMELNqbSf6tiWSrXJB3LAVGUcallcrw8V2t9EL4EhzJWrQUax5wLVMNS0+rUPA3k22Ncx4XXZS9o0MBH27Bo6BpNelZpS+/"
    "uh9KsNlY6bHCmJU9p8g7m3fVKn28H3KDYA5Pl/T8Z1ptDAVe0lXdQ2YoyyH2uyPIGHBZZIs2pDBS8R07+qN+E7Q==";
constexpr const char* wecom_crypt_v2_plain =
    "<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName>\n"
    "<FromUserName><![CDATA[mycreate]]></FromUserName>\n"
    "<CreateTime>1409659813</CreateTime>\n"
    "<MsgType><![CDATA[text]]></MsgType>\n"
    "<Content><![CDATA[hello]]></Content>\n"
    "<MsgId>4561255354251345929</MsgId>\n"
    "<AgentID>218</AgentID>\n"
    "</xml>";
constexpr const char* wecom_crypt_v3_token = "hJqcu3uJ9Tn2gXPmxx2w9kkCkCE2EPYo";
constexpr const char* wecom_crypt_v3_key = "6qkdMrq68nTKduznJYO1A37W2oEgpkMUvkttRToqhUt";
constexpr const char* wecom_crypt_v3_echostr =
    "fsi1xnbH4yQh0+PJxcOdhhK6TDXkjMyhEPA7xB2TGz6b+g7xyAbEkRxN/3cNXW9qdqjnoVzEtpbhnFyq6SVHyA==";
constexpr const char* wecom_crypt_v4_encrypt =
    "Kl7kjoSf6DMD1zh7rtrHjFaDapSCkaOnwu3bqLc5tAybhhMl9pFeK8NslNPVdMwmBQTNoW4mY7AIjeLvEl3NyeTkAgGzBhzTtRLNshw2"
    "A"
    "Eew+kkYcD+Fq72Kt00fT0WnN87hGrW8SqGc+NcT3mu87Ha3dz1pSDi6GaUA6A0sqfde0VJPQbZ9U+"
    "3JWcoD4Z5jaU0y9GSh010wsHF8KZD24YhmZH4ch4Ka7ilEbjbfvhKkNL65HHL0J6EYJIZUC2pFrdkJ7MhmEbU2qARR4iQHE7wy24qy0c"
    "RX3"
    "Mfp6iELcDNfSsPGjUQVDGxQDCWjayJOpcwocugux082f49HKYg84EpHSGXAyh+/oxwaWbvL6aSDPOYuPDGOCI8jmnKiypE+";
constexpr const char* wecom_crypt_v4_plain =
    "<xml><ToUserName>ww1436e0e65a779aee</ToUserName><FromUserName>ChenJiaShun</FromUserName>"
    "<CreateTime>1476422779</CreateTime><MsgType>text</MsgType><Content>你好</Content>"
    "<MsgId>1456453720</MsgId><AgentID>1000002</AgentID></xml>";
// V6 (WeChat message-push doc, safe mode).
constexpr const char* wecom_crypt_v6_encrypt =
    "+qdx1OKCy+5JPCBFWw70tm0fJGb2Jmeia4FCB7kao+/Q5c/"
    "ohsOzQHi8khUOb05JCpj0JB4RvQMkUyus8TPxLKJGQqcvZqzDpVzazhZv6JsX"
    "UnnR8XGT740XgXZUXQ7vJVnAG+tE8NUd4yFyjPy7GgiaviNrlCTj+"
    "l5kdfMuFUPpRSrfMZuMcp3Fn2Pede2IuQrKEYwKSqFIZoNqJ4M8EajA"
    "sjLY2km32IIjdf8YL/P50F7mStwntrA2cPDrM1kb6mOcfBgRtWygb3VIYnSeOBrebufAlr7F9mFUPAJGj04=";

wx_crypt wecom_crypt_v1() {
  return wx_crypt::make("QDG6eK", wecom_crypt_v1_key, "wx5823bf96d3bd56c7").value();
}
wx_crypt wecom_crypt_v3() {
  return wx_crypt::make(wecom_crypt_v3_token, wecom_crypt_v3_key, "ww1436e0e65a779aee").value();
}
wx_crypt wecom_crypt_v6() {
  return wx_crypt::make("AAAAA", std::string(43, 'A'), "wxba5fad812f8e6fb9").value();
}

// AES-256-CBC as the scheme uses it (IV = key[0..16)), without any padding: whole blocks in and out.
std::string wecom_crypt_raw(bool encrypting, std::string_view key43, std::string_view in) {
  std::string key = bot::crypto::base64_decode(std::string(key43) + "=").value();
  std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)> ctx(EVP_CIPHER_CTX_new(),
                                                                      &EVP_CIPHER_CTX_free);
  std::string out(in.size() + 16, '\0');
  auto* dst = reinterpret_cast<unsigned char*>(out.data());
  const auto* k = reinterpret_cast<const unsigned char*>(key.data());
  int len = 0, tail = 0;
  REQUIRE(EVP_CipherInit_ex(ctx.get(), EVP_aes_256_cbc(), nullptr, k, k, encrypting ? 1 : 0) == 1);
  REQUIRE(EVP_CIPHER_CTX_set_padding(ctx.get(), 0) == 1);
  REQUIRE(EVP_CipherUpdate(ctx.get(), dst, &len, reinterpret_cast<const unsigned char*>(in.data()),
                           static_cast<int>(in.size())) == 1);
  REQUIRE(EVP_CipherFinal_ex(ctx.get(), dst + len, &tail) == 1);
  out.resize(static_cast<std::size_t>(len + tail));
  return out;
}

// The first 16 plaintext bytes of a ciphertext: its random prefix.
std::string wecom_crypt_prefix(std::string_view key43, std::string_view base64_ciphertext) {
  auto cipher = bot::crypto::base64_decode(base64_ciphertext).value();
  return wecom_crypt_raw(false, key43, cipher).substr(0, 16);
}

// A ciphertext of arbitrary plaintext bytes (whole 16-byte blocks), base64 encoded.
std::string wecom_crypt_seal_raw(std::string_view key43, std::string_view plain) {
  return bot::crypto::base64_encode(wecom_crypt_raw(true, key43, plain));
}

std::string wecom_crypt_be32(std::uint32_t n) {
  return {static_cast<char>(n >> 24), static_cast<char>((n >> 16) & 0xFF), static_cast<char>((n >> 8) & 0xFF),
          static_cast<char>(n & 0xFF)};
}

TEST_CASE("wecom crypt: V1 URL verification (WeCom C++/PHP/Go samples)", "[wecom][crypto]") {
  const wx_crypt c = wecom_crypt_v1();
  CHECK(c.token() == "QDG6eK");
  CHECK(c.receive_id() == "wx5823bf96d3bd56c7");
  CHECK(c.sign("1409659589", "263014780", wecom_crypt_v1_echostr) ==
        "5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3");
  CHECK(c.verify("5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3", "1409659589", "263014780",
                 wecom_crypt_v1_echostr));
  auto opened = c.decrypt(wecom_crypt_v1_echostr);
  CHECK(opened.error == crypt_error::ok);
  CHECK(opened.message == "1616140317555161061");
  // The random prefix is 16 ASCII characters, used as the 16 bytes.
  CHECK(wecom_crypt_prefix(wecom_crypt_v1_key, wecom_crypt_v1_echostr) == "c41b64491c2468d0");
  CHECK(c.encrypt("1616140317555161061", "c41b64491c2468d0") == wecom_crypt_v1_echostr);
}

TEST_CASE("wecom crypt: V2 message decryption (WeCom samples)", "[wecom][crypto]") {
  const wx_crypt c = wecom_crypt_v1();
  CHECK(c.verify("477715d11cdb4164915debcba66cb864d751f3e6", "1409659813", "1372623149",
                 wecom_crypt_v2_encrypt));
  auto opened = c.decrypt(wecom_crypt_v2_encrypt);
  CHECK(opened.error == crypt_error::ok);
  CHECK(opened.message == wecom_crypt_v2_plain);
  CHECK(wecom_crypt_prefix(wecom_crypt_v1_key, wecom_crypt_v2_encrypt) == "0960688932c47ef1");
  CHECK(c.encrypt(wecom_crypt_v2_plain, "0960688932c47ef1") == wecom_crypt_v2_encrypt);
}

TEST_CASE("wecom crypt: V3 URL verification (WeCom Python sample)", "[wecom][crypto]") {
  const wx_crypt c = wecom_crypt_v3();
  CHECK(
      c.verify("012bc692d0a58dd4b10f8dfe5c4ac00ae211ebeb", "1476416373", "47744683", wecom_crypt_v3_echostr));
  auto opened = c.decrypt(wecom_crypt_v3_echostr);
  CHECK(opened.error == crypt_error::ok);
  CHECK(opened.message == "1288432023552776189");
  CHECK(wecom_crypt_prefix(wecom_crypt_v3_key, wecom_crypt_v3_echostr) == "8908d0ff052afda0");
  CHECK(c.encrypt("1288432023552776189", "8908d0ff052afda0") == wecom_crypt_v3_echostr);
}

TEST_CASE("wecom crypt: V4 message decryption with UTF-8 content (WeCom Python sample)", "[wecom][crypto]") {
  const wx_crypt c = wecom_crypt_v3();
  CHECK(c.verify("0c3914025cb4b4d68103f6bfc8db550f79dcf48e", "1476422779", "1597212914",
                 wecom_crypt_v4_encrypt));
  auto opened = c.decrypt(wecom_crypt_v4_encrypt);
  CHECK(opened.error == crypt_error::ok);
  CHECK(opened.message == wecom_crypt_v4_plain);
  CHECK(opened.message.find("<Content>\xE4\xBD\xA0\xE5\xA5\xBD</Content>") != std::string::npos);
  CHECK(wecom_crypt_prefix(wecom_crypt_v3_key, wecom_crypt_v4_encrypt) == "694ce5a83ae07fe3");
  CHECK(c.encrypt(wecom_crypt_v4_plain, "694ce5a83ae07fe3") == wecom_crypt_v4_encrypt);
}

TEST_CASE("wecom crypt: V5 deterministic encryption (WeChat MP Java sample)", "[wecom][crypto]") {
  const auto c =
      wx_crypt::make("pamtest", "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG", "wxb11529c136998cb6");
  REQUIRE(c);
  const std::string expected =
      "jn1L23DB+6ELqJ+6bruv21Y6MD7KeIfP82D6gU39rmkgczbWwt5+3bnyg5K55bgVtVzd832WzZGMhkP72vVOfg==";
  CHECK(c->encrypt("我是中文abcd123", "aaaabbbbccccdddd") == expected);
  auto opened = c->decrypt(expected);
  CHECK(opened.error == crypt_error::ok);
  CHECK(opened.message == "我是中文abcd123");
}

TEST_CASE("wecom crypt: V6 Official Account safe mode, request and reply", "[wecom][crypto]") {
  const wx_crypt c = wecom_crypt_v6();
  // "+qdx…" sorts before the digits.
  CHECK(c.verify("046e02f8204d34f8ba5fa3b1db94908f3df2e9b3", "1714112445", "415670741",
                 wecom_crypt_v6_encrypt));
  auto opened = c.decrypt(wecom_crypt_v6_encrypt);
  CHECK(opened.error == crypt_error::ok);
  CHECK(
      opened.message ==
      R"({"ToUserName":"gh_97417a04a28d","FromUserName":"o9AgO5Kd5ggOC-bXrbNODIiE3bGY","CreateTime":1714112445,)"
      R"("MsgType":"event","Event":"debug_demo","debug_str":"hello world"})");
  CHECK(opened.message.size() == 167);
  CHECK(wecom_crypt_prefix(std::string(43, 'A'), wecom_crypt_v6_encrypt) == "a8eedb185eb2fecf");

  const std::string reply = c.encrypt(R"({"demo_resp":"good luck"})", "707722b803182950");
  CHECK(reply == "ELGduP2YcVatjqIS+eZbp80MNLoAUWvzzyJxgGzxZO/5sAvd070Bs6qrLARC9nVHm48Y4hyRbtzve1L32tmxSQ==");
  CHECK(c.sign("1713424427", "415670741", reply) == "1b9339964ed2e271e7c7b6ff2b0ef902fc94dea1");
}

TEST_CASE("wecom crypt: V7 plain Official Account signatures", "[wecom][crypto]") {
  CHECK(sorted_sha1({"AAAAA", "1514711492", "1714036504"}) == "f464b24fc39322e44b38aa78f5edd27bd1441696");
  CHECK(sorted_sha1({"AAAAA", "1714037059", "486452656"}) == "899cf89e464efb63f54ddac96b0a0a235f53aa78");
  CHECK(sorted_sha1({"AAAAA", "1714112445", "415670741"}) == "6c5c811b55cc85e0e1b54100749188c20beb3f5d");
  // The order given does not matter.
  CHECK(sorted_sha1({"415670741", "AAAAA", "1714112445"}) == "6c5c811b55cc85e0e1b54100749188c20beb3f5d");
}

TEST_CASE("wecom crypt: signatures and receive ids that do not match are refused", "[wecom][crypto]") {
  const wx_crypt c = wecom_crypt_v1();
  CHECK_FALSE(c.verify("477715d11cdb4164915debcba66cb864d751f3e7", "1409659813", "1372623149",
                       wecom_crypt_v2_encrypt));
  CHECK_FALSE(c.verify("477715D11CDB4164915DEBCBA66CB864D751F3E6", "1409659813", "1372623149",
                       wecom_crypt_v2_encrypt));
  CHECK_FALSE(c.verify("", "1409659813", "1372623149", wecom_crypt_v2_encrypt));
  CHECK_FALSE(c.verify("477715d11cdb4164915debcba66cb864d751f3e6", "1409659814", "1372623149",
                       wecom_crypt_v2_encrypt));

  const auto other = wx_crypt::make("QDG6eK", wecom_crypt_v1_key, "wx5823bf96d3bd56c8").value();
  CHECK(other.decrypt(wecom_crypt_v2_encrypt).error == crypt_error::bad_receive_id);
  const auto empty_id = wx_crypt::make("QDG6eK", wecom_crypt_v1_key, "").value();
  CHECK(empty_id.decrypt(wecom_crypt_v2_encrypt).error == crypt_error::bad_receive_id);
}

TEST_CASE("wecom crypt: broken ciphertexts give the sample's error codes", "[wecom][crypto]") {
  const wx_crypt c = wecom_crypt_v1();
  const std::string key = wecom_crypt_v1_key;
  const std::string id = "wx5823bf96d3bd56c7";
  const std::string random16 = "0123456789abcdef";

  // A well-formed buffer sealed by hand decrypts: the helper is right.
  std::string good = random16 + wecom_crypt_be32(2) + "hi" + id;  // 40 bytes
  good.append(24, '\x18');
  REQUIRE(good.size() == 64);
  CHECK(c.decrypt(wecom_crypt_seal_raw(key, good)).message == "hi");

  SECTION("padding") {
    std::string zero = good;
    zero.back() = '\0';
    CHECK(c.decrypt(wecom_crypt_seal_raw(key, zero)).error == crypt_error::bad_buffer);
    std::string too_big = good;
    too_big.back() = '\x21';  // 33 > 32
    CHECK(c.decrypt(wecom_crypt_seal_raw(key, too_big)).error == crypt_error::bad_buffer);
    std::string uneven = good;
    uneven[good.size() - 2] = '\x17';
    CHECK(c.decrypt(wecom_crypt_seal_raw(key, uneven)).error == crypt_error::bad_buffer);
  }
  SECTION("length") {
    std::string too_long = random16 + wecom_crypt_be32(21) + "hi" + id;  // 21 > the 20 bytes that follow
    too_long.append(24, '\x18');
    CHECK(c.decrypt(wecom_crypt_seal_raw(key, too_long)).error == crypt_error::bad_buffer);
    std::string huge = random16 + wecom_crypt_be32(0xFFFFFFFF) + "hi" + id;
    huge.append(24, '\x18');
    CHECK(c.decrypt(wecom_crypt_seal_raw(key, huge)).error == crypt_error::bad_buffer);
    std::string short_header = random16;  // no room for the length
    short_header.append(16, '\x10');
    CHECK(c.decrypt(wecom_crypt_seal_raw(key, short_header)).error == crypt_error::bad_buffer);
    // The length eats into the receive id.
    std::string into_id = random16 + wecom_crypt_be32(3) + "hi" + id;
    into_id.append(24, '\x18');
    CHECK(c.decrypt(wecom_crypt_seal_raw(key, into_id)).error == crypt_error::bad_receive_id);
  }
  SECTION("not whole AES blocks, or no blocks") {
    const std::string v2 = wecom_crypt_v2_encrypt;
    CHECK(c.decrypt(v2.substr(0, v2.size() - 4)).error == crypt_error::decrypt);
    CHECK(c.decrypt("").error == crypt_error::decrypt);
  }
  SECTION("base64") {
    CHECK(c.decrypt("not base64!").error == crypt_error::base64_decode);
    CHECK(c.decrypt("abc").error == crypt_error::base64_decode);
    const std::string v2 = wecom_crypt_v2_encrypt;
    CHECK(c.decrypt(v2.substr(0, v2.size() - 1)).error == crypt_error::base64_decode);
    CHECK(c.decrypt(v2 + "\n").error == crypt_error::base64_decode);
    std::string spaced = v2;
    spaced[10] = ' ';  // what a form decoder makes of '+'
    CHECK(c.decrypt(spaced).error == crypt_error::base64_decode);
  }
}

TEST_CASE("wecom crypt: EncodingAESKeys that are not 43 alphanumerics are refused", "[wecom][crypto]") {
  CHECK(wx_crypt::make("t", wecom_crypt_v1_key, "id"));
  CHECK_FALSE(wx_crypt::make("t", std::string(wecom_crypt_v1_key).substr(0, 42), "id"));
  CHECK_FALSE(wx_crypt::make("t", std::string(wecom_crypt_v1_key) + "A", "id"));
  CHECK_FALSE(wx_crypt::make("t", "", "id"));
  std::string dash = wecom_crypt_v1_key;
  dash[5] = '-';
  CHECK_FALSE(wx_crypt::make("t", dash, "id"));
  std::string plus = wecom_crypt_v1_key;
  plus[5] = '+';
  CHECK_FALSE(wx_crypt::make("t", plus, "id"));
  CHECK_FALSE(wx_crypt::make("t", std::string(42, 'A') + "=", "id"));
}

TEST_CASE("wecom crypt: random prefixes round-trip and differ", "[wecom][crypto]") {
  const wx_crypt c = wecom_crypt_v6();
  for (const std::string& message :
       {std::string(), std::string("报修：3栋2单元漏水"), std::string(11, 'x'), std::string(1000, '\0')}) {
    const std::string a = c.encrypt(message);
    const std::string b = c.encrypt(message);
    CHECK(a != b);
    auto opened = c.decrypt(a);
    CHECK(opened.error == crypt_error::ok);
    CHECK(opened.message == message);
    CHECK(c.decrypt(b).message == message);
    // Always whole 32-byte pad blocks.
    CHECK(bot::crypto::base64_decode(a).value().size() % 32 == 0);
  }
  CHECK_THROWS_AS(c.encrypt("x", "short"), std::invalid_argument);
}

TEST_CASE("wecom crypt: error codes and words", "[wecom][crypto]") {
  CHECK(static_cast<int>(crypt_error::bad_signature) == -40001);
  CHECK(static_cast<int>(crypt_error::reply) == -40011);
  CHECK(adapters::wecom::describe(crypt_error::bad_signature) == "signature validation failed");
  CHECK(adapters::wecom::describe(crypt_error::bad_receive_id) == "receive id mismatch");
  CHECK(adapters::wecom::describe(static_cast<crypt_error>(-1)) == "unknown error");
}

TEST_CASE("base64: round trips and strict decoding", "[wecom][crypto]") {
  std::string bytes;
  for (int n = 0; n <= 40; ++n) {
    const std::string text = bot::crypto::base64_encode(bytes);
    CHECK(text.size() == (bytes.size() + 2) / 3 * 4);
    auto back = bot::crypto::base64_decode(text);
    REQUIRE(back);
    CHECK(*back == bytes);
    bytes.push_back(static_cast<char>(n * 37 + 200));
  }
  CHECK(bot::crypto::base64_encode("f") == "Zg==");
  CHECK(bot::crypto::base64_encode("fo") == "Zm8=");
  CHECK(bot::crypto::base64_encode("foo") == "Zm9v");
  CHECK(bot::crypto::base64_encode("\xFF\xFE\xFB") == "//77");
  CHECK(bot::crypto::base64_decode("Zg==") == std::string("f"));
  CHECK(bot::crypto::base64_decode("Zm8=") == std::string("fo"));
  CHECK(bot::crypto::base64_decode("") == std::string());
  for (std::string_view bad : {"abc"sv, "ab=c"sv, "a$bc"sv, "a==="sv, "===="sv, "Zg="sv, "Zg==Zg=="sv,
                               "Zm 9"sv, "Zm9\n"sv, "Zm9-"sv, "Zm9_"sv, "Zg\0="sv, "Zm9v="sv})
    CHECK_FALSE(bot::crypto::base64_decode(bad));
}

}  // namespace wecom_crypt_test
