rule "google-kms-key-rotation" {
  title     = "Cloud KMS symmetric key is not rotated at least every 90 days"
  severity  = "medium"
  area      = "data-protection"
  compliance = {
    "cis-gcp-2.0" = ["1.10"]
  }
  resources = ["google_kms_crypto_key"]
  aliases   = ["CKV_GCP_43", "AVD-GCP-0065", "google-kms-rotate-kms-keys"]

  description = <<-EOT
    Automatic rotation makes Cloud KMS create a new primary key version on a schedule, so new data is
    encrypted with fresh key material and the amount of data exposed by a single compromised version
    stays bounded. Without a `rotation_period` the key is never rotated; with a long one, a leaked
    version stays useful for years. Google stores and protects the keys; the rotation policy is the
    customer's.

    `rotation_period` is a duration in seconds with up to nine fractional digits and an `s` suffix
    (for example `"7776000s"` for 90 days); it has no default. The rule requires at most 7776000s. It
    only applies to keys with `purpose = "ENCRYPT_DECRYPT"` (the documented default), because Cloud
    KMS does not rotate asymmetric or MAC keys automatically.
  EOT
  remediation = "Set `rotation_period = \"7776000s\"` (90 days) or shorter on the crypto key."
  references = [
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/kms_crypto_key#rotation_period",
    "https://cloud.google.com/kms/docs/reference/rest/v1/projects.locations.keyRings.cryptoKeys#CryptoKeyPurpose",
  ]

  when {
    attribute "purpose" {
      equals  = "ENCRYPT_DECRYPT"
      default = "ENCRYPT_DECRYPT"
    }
  }

  assert {
    # A duration of at most 7776000 seconds (90 days): up to six digits, or seven digits not above
    # 7776000, with an optional fraction (none above exactly 7776000).
    attribute "rotation_period" {
      matches = "^(([0-9]{1,6}|[1-6][0-9]{6}|7[0-6][0-9]{5}|77[0-6][0-9]{4}|777[0-5][0-9]{3})(\\.[0-9]{1,9})?|7776000(\\.0{1,9})?)s$"
    }
  }

  example "bad" {
    code = <<-EOT
      resource "google_kms_crypto_key" "data" {  # expect: google-kms-key-rotation
        name     = "data"
        key_ring = "projects/example-project/locations/europe/keyRings/app"
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "google_kms_crypto_key" "data" {
        name            = "data"
        key_ring        = "projects/example-project/locations/europe/keyRings/app"
        rotation_period = "31536000s"  # expect: google-kms-key-rotation
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "google_kms_crypto_key" "data" {
        name            = "data"
        key_ring        = "projects/example-project/locations/europe/keyRings/app"
        rotation_period = "7776000s"
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "google_kms_crypto_key" "signing" {
        name     = "release-signing"
        key_ring = "projects/example-project/locations/europe/keyRings/app"
        purpose  = "ASYMMETRIC_SIGN"

        version_template {
          algorithm = "EC_SIGN_P256_SHA256"
        }
      }
    EOT
  }
}
