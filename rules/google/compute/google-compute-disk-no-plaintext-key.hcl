rule "google-compute-disk-no-plaintext-key" {
  title     = "Compute disk encryption key is written in plain text in the configuration"
  severity  = "high"
  area      = "data-protection"
  secret_values = true
  resources = [
    "google_compute_disk",
    "google_compute_region_disk",
    "google_compute_instance",
  ]
  aliases   = ["AVD-GCP-0037", "google-compute-disk-encryption-no-plaintext-key"]

  description = <<-EOT
    A customer-supplied encryption key (`raw_key`, `disk_encryption_key_raw`) in the Terraform
     configuration is stored in version control and in the state file in clear text. Anyone who can
     read either can decrypt the disk or its snapshots, which defeats the point of supplying the key.
     Severity is high: it exposes the key to sensitive data. Key handling is the customer's side.

     The rule reports `disk_encryption_key.raw_key` and `rsa_encrypted_key` on disks and
     `boot_disk.disk_encryption_key_raw` and `attached_disk.disk_encryption_key_raw` on instances.
  EOT
  remediation = "Use a Cloud KMS key (`kms_key_self_link`) instead of a raw key, or pass the key from a secret store at apply time and never commit it."
  references = [
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/compute_disk#raw_key",
    "https://cloud.google.com/compute/docs/disks/customer-supplied-encryption",
  ]

  assert {
    attribute "disk_encryption_key.raw_key" {
      present = false
    }
    attribute "disk_encryption_key.rsa_encrypted_key" {
      present = false
    }
    attribute "boot_disk.disk_encryption_key_raw" {
      present = false
    }
    attribute "attached_disk.disk_encryption_key_raw" {
      present = false
    }
  }

  example "bad" {
    code = <<-EOT
      resource "google_compute_disk" "data" {
        name = "data"
        zone = "europe-west1-b"
        size = 100

        disk_encryption_key {
          raw_key = "SGVsbG8gZnJvbSBHb29nbGUgQ2xvdWQgUGxhdGZvcm0="  # expect: google-compute-disk-no-plaintext-key
        }
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "google_compute_instance" "app" {
        name         = "app-1"
        machine_type = "e2-standard-2"
        zone         = "europe-west1-b"

        boot_disk {
          initialize_params {
            image = "debian-cloud/debian-12"
          }

          disk_encryption_key_raw = "SGVsbG8gZnJvbSBHb29nbGUgQ2xvdWQgUGxhdGZvcm0="  # expect: google-compute-disk-no-plaintext-key
        }

        network_interface {
          subnetwork = "app"
        }

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
