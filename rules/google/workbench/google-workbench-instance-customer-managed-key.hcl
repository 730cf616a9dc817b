rule "google-workbench-instance-customer-managed-key" {
  title     = "Vertex AI Workbench instance disks are not encrypted with a customer-managed key"
  severity  = "low"
  area      = "data-protection"
  resources = ["google_workbench_instance"]
  aliases   = ["CKV2_GCP_27"]

  description = <<-EOT
    A Workbench instance keeps notebooks, downloaded datasets and cached credentials on its boot and
    data disks, encrypted with Google-managed keys by default. A Cloud KMS key gives the customer an
    audited, revocable control over that data. Severity is low because the disks are encrypted
    either way; the choice of key is the customer's.

    `gce_setup.boot_disk.kms_key` must be set, and so must `kms_key` of every
    `gce_setup.data_disks` block.
  EOT
  remediation = "Set `disk_encryption = \"CMEK\"` and `kms_key = google_kms_crypto_key.workbench.id` in `gce_setup.boot_disk` and in each `gce_setup.data_disks` block."
  references = [
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/workbench_instance#kms_key",
    "https://cloud.google.com/vertex-ai/docs/general/cmek",
  ]

  assert {
    attribute "gce_setup.boot_disk.kms_key" {
      present = true
    }
    each "gce_setup.data_disks" {
      attribute "kms_key" {
        present = true
      }
    }
  }

  example "bad" {
    code = <<-EOT
      resource "google_workbench_instance" "notebook" {
        name     = "notebook"
        location = "europe-west4-a"

        gce_setup {  # expect: google-workbench-instance-customer-managed-key
          machine_type      = "e2-standard-4"
          disable_public_ip = true
        }
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "google_workbench_instance" "notebook" {
        name     = "notebook"
        location = "europe-west4-a"

        gce_setup {
          machine_type      = "e2-standard-4"
          disable_public_ip = true

          boot_disk {
            disk_encryption = "CMEK"
            kms_key         = "projects/example/locations/europe-west4/keyRings/workbench/cryptoKeys/disks"
          }

          data_disks {  # expect: google-workbench-instance-customer-managed-key
            disk_size_gb = 200
          }
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "google_workbench_instance" "notebook" {
        name     = "notebook"
        location = "europe-west4-a"

        gce_setup {
          machine_type      = "e2-standard-4"
          disable_public_ip = true

          boot_disk {
            disk_encryption = "CMEK"
            kms_key         = "projects/example/locations/europe-west4/keyRings/workbench/cryptoKeys/disks"
          }

          data_disks {
            disk_size_gb    = 200
            disk_encryption = "CMEK"
            kms_key         = "projects/example/locations/europe-west4/keyRings/workbench/cryptoKeys/disks"
          }
        }
      }
    EOT
  }
}
