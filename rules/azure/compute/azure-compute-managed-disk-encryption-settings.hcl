rule "azure-compute-managed-disk-encryption-settings" {
  title     = "Managed disk has Azure Disk Encryption explicitly disabled"
  severity  = "medium"
  area      = "data-protection"
  resources = ["azurerm_managed_disk"]
  aliases   = ["CKV_AZURE_2", "AVD-AZU-0038", "azure-compute-enable-disk-encryption"]

  description = <<-EOT
    Managed disks are always encrypted at rest by the platform, but Azure Disk Encryption additionally
    encrypts the volume inside the guest with keys from the customer's Key Vault, so a copied disk
    or snapshot is unreadable without access to that vault. `encryption_settings { enabled = false }`
    turns that layer off explicitly. Choosing the encryption of the data on a VM's disks is the
    customer's side of IaaS.

    The rule reports only an explicit `encryption_settings.enabled = false`: azurerm v2 and v3
    accepted the `enabled` flag (deprecated in v3, removed in v4, where the presence of the block
    means enabled). A disk without the block is not reported; server-side encryption with
    customer-managed keys (`disk_encryption_set_id`) is another way to own the key.
  EOT
  remediation = "Remove `enabled = false` and configure `encryption_settings` with `disk_encryption_key` (and `key_encryption_key`), or use a `disk_encryption_set_id` with a customer-managed key."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/3.117.0/docs/resources/managed_disk#encryption_settings",
    "https://learn.microsoft.com/en-us/azure/virtual-machines/disk-encryption-overview",
  ]

  assert {
    attribute "encryption_settings.enabled" {
      equals  = true
      default = true
    }
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_managed_disk" "data" {
        name                 = "disk-data"
        location             = "westeurope"
        resource_group_name  = "rg-vm"
        storage_account_type = "Premium_LRS"
        create_option        = "Empty"
        disk_size_gb         = 256

        encryption_settings {
          enabled = false  # expect: azure-compute-managed-disk-encryption-settings
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_managed_disk" "data" {
        name                 = "disk-data"
        location             = "westeurope"
        resource_group_name  = "rg-vm"
        storage_account_type = "Premium_LRS"
        create_option        = "Empty"
        disk_size_gb         = 256

        encryption_settings {
          enabled = true

          disk_encryption_key {
            secret_url      = "https://kv-app.vault.azure.net/secrets/disk/0123456789abcdef"
            source_vault_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv-app"
          }
        }
      }
    EOT
  }
}
