rule "google-compute-instance-boot-disk-customer-managed-key" {
  title     = "Compute instance boot disk is not encrypted with a customer-managed key"
  severity  = "low"
  area      = "data-protection"
  resources = [
    "google_compute_instance",
  ]
  aliases   = ["AVD-GCP-0033", "google-compute-vm-disk-encryption-customer-key"]

  description = <<-EOT
    Boot disks are always encrypted with Google-managed keys. A Cloud KMS key adds control the
     customer owns: access to the key can be audited and revoked. Severity is low because the data is
     encrypted either way; the choice of key is the customer's.

     `boot_disk.kms_key_self_link` must be set.
  EOT
  remediation = "Set `kms_key_self_link` in the instance's `boot_disk` block."
  references = [
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/compute_instance#kms_key_self_link",
    "https://cloud.google.com/compute/docs/disks/customer-managed-encryption",
  ]

  assert {
    attribute "boot_disk.kms_key_self_link" {
      present = true
    }
  }

  example "bad" {
    code = <<-EOT
      resource "google_compute_instance" "app" {
        name         = "app-1"
        machine_type = "e2-standard-2"
        zone         = "europe-west1-b"

        boot_disk {  # expect: google-compute-instance-boot-disk-customer-managed-key
          initialize_params {
            image = "debian-cloud/debian-12"
          }
        }

        network_interface {
          subnetwork = "app"
        }

      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "google_compute_instance" "app" {
        name         = "app-1"
        machine_type = "e2-standard-2"
        zone         = "europe-west1-b"

        boot_disk {
          initialize_params {
            image = "debian-cloud/debian-12"
          }

          kms_key_self_link = "projects/example/locations/europe-west1/keyRings/disks/cryptoKeys/boot"
        }

        network_interface {
          subnetwork = "app"
        }

      }
    EOT
  }
}
