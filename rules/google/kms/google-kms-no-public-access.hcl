rule "google-kms-no-public-access" {
  title     = "Cloud KMS key or key ring grants access to allUsers or allAuthenticatedUsers"
  severity  = "high"
  area      = "identity-access"
  compliance = {
    "cis-gcp-2.0" = ["1.9"]
  }
  resources = [
    "google_kms_crypto_key_iam_member",
    "google_kms_crypto_key_iam_binding",
    "google_kms_crypto_key_iam_policy",
    "google_kms_key_ring_iam_member",
    "google_kms_key_ring_iam_binding",
    "google_kms_key_ring_iam_policy",
  ]
  aliases   = ["CKV_GCP_112", "CKV2_GCP_6", "CKV2_GCP_8"]

  description = <<-EOT
    A role on a key granted to `allUsers` or `allAuthenticatedUsers` lets anyone use it: decrypt the
    data it protects, encrypt data under it, or (with admin roles) destroy it and make the data
    unreadable. A grant on a key ring applies to every key in it. Key access is the customer's IAM
    decision; Google only enforces it.

    The rule checks `member` of the `_iam_member` resources, `members` of the `_iam_binding`
    resources and the `policy_data` JSON of the authoritative `_iam_policy` resources, when it is
    known at scan time (a `jsonencode` literal or a heredoc). A policy built by the
    `google_iam_policy` data source is not evaluated.
  EOT
  remediation = "Grant the role to named users, groups (`group:...`), a domain or service accounts instead of `allUsers` / `allAuthenticatedUsers`."
  references = [
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/google_kms_crypto_key_iam",
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/google_kms_key_ring_iam",
    "https://cloud.google.com/kms/docs/iam",
  ]

  assert {
    attribute "member" {
      not_one_of = ["allUsers", "allAuthenticatedUsers"]
      default    = ""
    }
    attribute "members" {
      not_contains = "allUsers"
      default      = []
    }
    attribute "members" {
      not_contains = "allAuthenticatedUsers"
      default      = []
    }
    attribute "policy_data" {
      not_matches = "\"(allUsers|allAuthenticatedUsers)\""
      default     = ""
    }
  }

  example "bad" {
    code = <<-EOT
      resource "google_kms_crypto_key_iam_member" "public" {
        crypto_key_id = "projects/example/locations/europe/keyRings/app/cryptoKeys/data"
        role   = "roles/cloudkms.cryptoKeyEncrypterDecrypter"
        member = "allUsers"  # expect: google-kms-no-public-access
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "google_kms_key_ring_iam_binding" "public" {
        key_ring_id = "projects/example/locations/europe/keyRings/app"
        role    = "roles/cloudkms.cryptoKeyEncrypterDecrypter"
        members = [  # expect: google-kms-no-public-access
          "group:team@example.com",
          "allAuthenticatedUsers",
        ]
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "google_kms_crypto_key_iam_policy" "public" {
        crypto_key_id = "projects/example/locations/europe/keyRings/app/cryptoKeys/data"
        policy_data = jsonencode({  # expect: google-kms-no-public-access
          bindings = [{
            role    = "roles/cloudkms.cryptoKeyEncrypterDecrypter"
            members = ["allUsers"]
          }]
        })
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      variable "invoker" {
        type    = string
        default = "allAuthenticatedUsers"
      }

      resource "google_kms_key_ring_iam_member" "from_variable" {
        key_ring_id = "projects/example/locations/europe/keyRings/app"
        role   = "roles/cloudkms.cryptoKeyEncrypterDecrypter"
        member = var.invoker  # expect: google-kms-no-public-access
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "google_kms_crypto_key_iam_member" "team" {
        crypto_key_id = "projects/example/locations/europe/keyRings/app/cryptoKeys/data"
        role   = "roles/cloudkms.cryptoKeyEncrypterDecrypter"
        member = "group:team@example.com"
      }

      resource "google_kms_key_ring_iam_binding" "workers" {
        key_ring_id = "projects/example/locations/europe/keyRings/app"
        role    = "roles/cloudkms.cryptoKeyEncrypterDecrypter"
        members = ["serviceAccount:worker@example-project.iam.gserviceaccount.com"]
      }

      resource "google_kms_crypto_key_iam_policy" "private" {
        crypto_key_id = "projects/example/locations/europe/keyRings/app/cryptoKeys/data"
        policy_data = jsonencode({
          bindings = [{
            role    = "roles/cloudkms.cryptoKeyEncrypterDecrypter"
            members = ["domain:example.com"]
          }]
        })
      }
    EOT
  }
}
