rule "azure-storage-min-tls-version" {
  title     = "Storage account accepts TLS versions older than 1.2"
  severity  = "medium"
  area      = "data-protection"
  resources = ["azurerm_storage_account"]
  aliases   = ["CKV_AZURE_44", "AVD-AZU-0011", "azure-storage-use-secure-tls-policy"]

  compliance = { "cis-azure-3.0" = ["4.15"] }
  description = <<-EOT
    `min_tls_version` decides the oldest TLS protocol the storage account's endpoints (blob, file,
    queue, table) will negotiate. TLS 1.0 and 1.1 have known weaknesses and are no longer accepted by
    current compliance baselines; a client or a man-in-the-middle that downgrades the connection can
    read or tamper with data and shared access signatures in transit. Azure runs the endpoints, but
    which protocol versions they accept is a setting of the customer's account.

    The azurerm provider has defaulted `min_tls_version` to `TLS1_2` since v3.0, so only an explicit
    `TLS1_0` or `TLS1_1` is reported. azurerm v5 no longer accepts those two values at all.
  EOT
  remediation = "Remove `min_tls_version` or set it to `\"TLS1_2\"`, after making sure every client of the account supports TLS 1.2."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/storage_account#min_tls_version",
    "https://docs.microsoft.com/en-us/azure/storage/common/transport-layer-security-configure-minimum-version",
  ]

  assert {
    attribute "min_tls_version" {
      not_one_of = ["TLS1_0", "TLS1_1"]
      default    = "TLS1_2"
    }
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_storage_account" "legacy" {
        name                     = "legacyclients"
        resource_group_name      = "rg-data"
        location                 = "westeurope"
        account_tier             = "Standard"
        account_replication_type = "LRS"
        min_tls_version          = "TLS1_0"  # expect: azure-storage-min-tls-version
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_storage_account" "modern" {
        name                     = "modernclients"
        resource_group_name      = "rg-data"
        location                 = "westeurope"
        account_tier             = "Standard"
        account_replication_type = "LRS"
        min_tls_version          = "TLS1_2"
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      # min_tls_version left out: the provider default is TLS1_2.
      resource "azurerm_storage_account" "defaulted" {
        name                     = "defaultedtls"
        resource_group_name      = "rg-data"
        location                 = "westeurope"
        account_tier             = "Standard"
        account_replication_type = "LRS"
      }
    EOT
  }
}
