rule "google-compute-instance-shielded-vm-vtpm" {
  title     = "Compute instance has Shielded VM the virtual TPM switched off"
  severity  = "medium"
  area      = "application-workload"
  resources = ["google_compute_instance", "google_compute_instance_template", "google_compute_region_instance_template"]
  aliases   = ["AVD-GCP-0041", "google-compute-enable-shielded-vm-vtpm"]

  description = <<-EOT
    The virtual Trusted Platform Module measures every stage of boot and seals keys and secrets to a
    known-good boot state. Switching it off removes measured boot, so integrity monitoring has
    nothing to compare, and TPM-bound disk encryption loses its root of trust.
    The guest's boot configuration is the customer's side of IaaS.

    `shielded_instance_config.enable_vtpm` defaults to `true`, so only an explicit `false` is reported;
    an instance without the block keeps it on.
  EOT
  remediation = "Remove `enable_vtpm = false` from `shielded_instance_config` (or set it to `true`)."
  references = [
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/compute_instance#nested_shielded_instance_config",
    "https://cloud.google.com/security/shielded-cloud/shielded-vm",
  ]

  assert {
    attribute "shielded_instance_config.enable_vtpm" {
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
          enable_vtpm = false  # expect: google-compute-instance-shielded-vm-vtpm
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
          enable_vtpm = false  # expect: google-compute-instance-shielded-vm-vtpm
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
