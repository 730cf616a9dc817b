rule "google-storage-bucket-customer-managed-key" {
  title     = "Cloud Storage bucket is not encrypted with a customer-managed key"
  severity  = "low"
  area      = "data-protection"
  resources = [
    "google_storage_bucket",
  ]
  aliases   = ["AVD-GCP-0066", "google-storage-bucket-encryption-customer-key"]

  description = <<-EOT
    Objects are always encrypted with Google-managed keys. A Cloud KMS key as the bucket's default
     adds control the customer owns: key use is audited and can be revoked. Severity is low because
     the data is encrypted either way; the choice of key is the customer's.

     `encryption.default_kms_key_name` must be set.
  EOT
  remediation = "Add `encryption { default_kms_key_name = google_kms_crypto_key.storage.id }` and grant the Cloud Storage service agent use of the key."
  references = [
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/storage_bucket#encryption",
    "https://cloud.google.com/storage/docs/encryption/customer-managed-keys",
  ]

  assert {
    attribute "encryption.default_kms_key_name" {
      present = true
    }
  }

  example "bad" {
    code = <<-EOT
      resource "google_storage_bucket" "reports" {  # expect: google-storage-bucket-customer-managed-key
        name                        = "example-reports"
        location                    = "EU"
        uniform_bucket_level_access = true

      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "google_storage_bucket" "reports" {
        name                        = "example-reports"
        location                    = "EU"
        uniform_bucket_level_access = true

        encryption {
          default_kms_key_name = "projects/example/locations/eu/keyRings/storage/cryptoKeys/reports"
        }
      }
    EOT
  }
}
