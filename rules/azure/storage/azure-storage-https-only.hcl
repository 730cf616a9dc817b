rule "azure-storage-https-only" {
  title     = "Storage account accepts unencrypted HTTP requests"
  severity  = "high"
  area      = "data-protection"
  resources = ["azurerm_storage_account"]
  aliases   = ["CKV_AZURE_3", "AVD-AZU-0008", "azure-storage-enforce-https"]

  compliance = { "cis-azure-3.0" = ["4.1"] }
  description = <<-EOT
    With "secure transfer required" switched off, the blob, queue and table endpoints also answer plain
    HTTP (and Azure Files accepts SMB without encryption). Account keys in shared access signatures,
    the requests and the data itself then cross the network in clear text. The endpoints belong to
    Azure, but whether they insist on encryption is the customer's account setting.

    The argument was renamed: azurerm up to v3.113 calls it `enable_https_traffic_only`; v3.114
    introduced `https_traffic_only_enabled` and v4.0 removed the old name. Both names default to
    `true`, so the rule reports an account only when either name is explicitly set to `false`.
  EOT
  remediation = "Set `https_traffic_only_enabled = true` (azurerm v3.114 and later) or `enable_https_traffic_only = true` (older providers), or remove the argument to get the default."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/storage_account#https_traffic_only_enabled",
    "https://docs.microsoft.com/en-us/azure/storage/common/storage-require-secure-transfer",
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/guides/4.0-upgrade-guide",
  ]

  # Both spellings must be true (or absent): a rename is handled with `all`, not `any`, because an
  # absent name takes its default of true and must not hide the other name being set to false.
  assert {
    attribute "https_traffic_only_enabled" {
      equals  = true
      default = true
    }
    attribute "enable_https_traffic_only" {
      equals  = true
      default = true
    }
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_storage_account" "plain" {
        name                       = "plainhttp"
        resource_group_name        = "rg-data"
        location                   = "westeurope"
        account_tier               = "Standard"
        account_replication_type   = "LRS"
        https_traffic_only_enabled = false  # expect: azure-storage-https-only
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      # azurerm v3 spelling
      resource "azurerm_storage_account" "plain_v3" {
        name                      = "plainhttpv3"
        resource_group_name       = "rg-data"
        location                  = "westeurope"
        account_tier              = "Standard"
        account_replication_type  = "LRS"
        enable_https_traffic_only = false  # expect: azure-storage-https-only
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_storage_account" "secure" {
        name                       = "securehttps"
        resource_group_name        = "rg-data"
        location                   = "westeurope"
        account_tier               = "Standard"
        account_replication_type   = "LRS"
        https_traffic_only_enabled = true
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_storage_account" "defaulted" {
        name                     = "defaulthttps"
        resource_group_name      = "rg-data"
        location                 = "westeurope"
        account_tier             = "Standard"
        account_replication_type = "LRS"
      }
    EOT
  }
}
