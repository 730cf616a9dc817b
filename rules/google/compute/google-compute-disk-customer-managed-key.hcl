rule "google-compute-disk-customer-managed-key" {
  title     = "Compute disk is not encrypted with a customer-managed key"
  severity  = "low"
  area      = "data-protection"
  resources = [
    "google_compute_disk",
    "google_compute_region_disk",
  ]
  aliases   = ["AVD-GCP-0034", "google-compute-disk-encryption-customer-key"]

  description = <<-EOT
    Disks are always encrypted with Google-managed keys. A Cloud KMS key adds control the customer
     owns: access to the key can be audited and revoked, and destroying it makes the data unreadable.
     Severity is low because the data is encrypted either way; the choice of key is the customer's.

     `disk_encryption_key.kms_key_self_link` must be set.
  EOT
  remediation = "Add `disk_encryption_key { kms_key_self_link = google_kms_crypto_key.disks.id }`."
  references = [
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/compute_disk#kms_key_self_link",
    "https://cloud.google.com/compute/docs/disks/customer-managed-encryption",
  ]

  assert {
    attribute "disk_encryption_key.kms_key_self_link" {
      present = true
    }
  }

  example "bad" {
    code = <<-EOT
      resource "google_compute_disk" "data" {  # expect: google-compute-disk-customer-managed-key
        name = "data"
        zone = "europe-west1-b"
        size = 100
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "google_compute_disk" "data" {
        name = "data"
        zone = "europe-west1-b"
        size = 100

        disk_encryption_key {
          kms_key_self_link = "projects/example/locations/europe-west1/keyRings/disks/cryptoKeys/data"
        }
      }
    EOT
  }
}
