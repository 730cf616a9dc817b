rule "google-compute-instance-shielded-vm-integrity-monitoring" {
  title     = "Compute instance has Shielded VM integrity monitoring switched off"
  severity  = "medium"
  area      = "application-workload"
  resources = ["google_compute_instance", "google_compute_instance_template", "google_compute_region_instance_template"]
  aliases   = ["AVD-GCP-0045", "google-compute-enable-shielded-vm-im"]

  description = <<-EOT
    Integrity monitoring compares each boot's measurements with a known-good baseline and reports a
    drift to Cloud Logging. Switching it off means a tampered bootloader or kernel goes unnoticed,
    even with the vTPM recording the evidence.
    The guest's boot configuration is the customer's side of IaaS.

    `shielded_instance_config.enable_integrity_monitoring` defaults to `true`, so only an explicit `false` is reported;
    an instance without the block keeps it on.
  EOT
  remediation = "Remove `enable_integrity_monitoring = false` from `shielded_instance_config` (or set it to `true`)."
  references = [
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/compute_instance#nested_shielded_instance_config",
    "https://cloud.google.com/security/shielded-cloud/shielded-vm",
  ]

  assert {
    attribute "shielded_instance_config.enable_integrity_monitoring" {
      equals  = true
      default = true
    }
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
        }

        network_interface {
          subnetwork = "projects/example-project/regions/europe-west1/subnetworks/app"
        }

        shielded_instance_config {
          enable_secure_boot = true
          enable_integrity_monitoring = false  # expect: google-compute-instance-shielded-vm-integrity-monitoring
        }
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "google_compute_instance_template" "app" {
        machine_type = "e2-standard-2"

        disk {
          source_image = "debian-cloud/debian-12"
        }

        network_interface {
          network = "default"
        }

        shielded_instance_config {
          enable_integrity_monitoring = false  # expect: google-compute-instance-shielded-vm-integrity-monitoring
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
        }

        network_interface {
          subnetwork = "projects/example-project/regions/europe-west1/subnetworks/app"
        }

        shielded_instance_config {
          enable_secure_boot = true
        }
      }
    EOT
  }
}
