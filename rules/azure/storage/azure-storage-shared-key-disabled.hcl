rule "azure-storage-shared-key-disabled" {
  title     = "Storage account allows Shared Key (account key) authorization"
  severity  = "medium"
  area      = "identity-access"
  resources = ["azurerm_storage_account"]
  aliases   = ["CKV2_AZURE_40"]

  description = <<-EOT
    The two account keys of a storage account grant full access to all of its data, never expire,
    and are not tied to any identity, so their use cannot be attributed or limited; every shared
    access signature signed with them inherits that. A key copied into a script, a pipeline or a
    laptop is full access to the account until someone rotates it. Turning Shared Key off forces
    Entra ID authorization with roles and audit. Credentials for the data plane are the customer's
    side.

    `shared_access_key_enabled` defaults to `true`. Severity is medium: the keys are not exposed by
    this setting, but their existence is a standing, unattributable credential. Some services
    (older Azure Files clients, some integrations) still need keys; suppress the rule where so.
  EOT
  remediation = "Set `shared_access_key_enabled = false` (with `storage_use_azuread = true` in the azurerm provider block so Terraform itself uses Entra ID), and grant data roles such as Storage Blob Data Reader."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/storage_account#shared_access_key_enabled",
    "https://learn.microsoft.com/en-us/azure/storage/common/shared-key-authorization-prevent",
  ]

  assert {
    attribute "shared_access_key_enabled" {
      equals  = false
      default = true
    }
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_storage_account" "data" {  # expect: azure-storage-shared-key-disabled
        name                     = "data"
        resource_group_name      = "rg-data"
        location                 = "westeurope"
        account_tier             = "Standard"
        account_replication_type = "GRS"
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_storage_account" "data" {
        name                      = "data"
        resource_group_name       = "rg-data"
        location                  = "westeurope"
        account_tier              = "Standard"
        account_replication_type  = "GRS"
        shared_access_key_enabled = false
      }
    EOT
  }
}
