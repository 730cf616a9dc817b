rule "azure-storage-no-public-blob-access" {
  title     = "Storage account lets containers and blobs be opened to anonymous read access"
  severity  = "high"
  area      = "data-protection"
  resources = ["azurerm_storage_account"]
  aliases   = ["CKV_AZURE_190", "CKV2_AZURE_47"]

  compliance = { "cis-azure-3.0" = ["4.17"] }
  description = <<-EOT
    When `allow_nested_items_to_be_public` is true, any container in the account can be switched to
    `blob` or `container` access level, after which anyone on the internet can read (and, for
    `container`, list) its blobs without credentials. A single mistaken container setting, from
    Terraform or from the portal, then leaks data. Turning it off at the account level is the
    guardrail that makes such a mistake impossible; it is the customer's account setting.

    The default changed across provider versions: azurerm v2 called the argument
    `allow_blob_public_access` (default `false`), v3 renamed it to `allow_nested_items_to_be_public`
    with a default of `true`, v4 kept `true`, and v5 changed the default to `false`. Because the scan
    cannot know which provider version applies, the rule asks for an explicit `false` under either
    name, and reports the v2 name set to `true`.
  EOT
  remediation = "Set `allow_nested_items_to_be_public = false` on the storage account; serve public content through a CDN or short-lived SAS tokens instead."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/storage_account#allow_nested_items_to_be_public",
    "https://learn.microsoft.com/en-us/azure/storage/blobs/anonymous-read-access-prevent",
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/guides/5.0-upgrade-guide",
  ]

  assert {
    # No default: v3/v4 default to true, v5 to false, so only an explicit false is certain.
    # An explicit false under the azurerm v2 name counts as well.
    any {
      attribute "allow_nested_items_to_be_public" {
        equals = false
      }
      attribute "allow_blob_public_access" {
        equals = false
      }
    }
    # azurerm v2 spelling set to true.
    attribute "allow_blob_public_access" {
      equals  = false
      default = false
    }
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_storage_account" "assets" {
        name                            = "publicassets"
        resource_group_name             = "rg-web"
        location                        = "westeurope"
        account_tier                    = "Standard"
        account_replication_type        = "LRS"
        allow_nested_items_to_be_public = true  # expect: azure-storage-no-public-blob-access
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      # Left out: azurerm v3 and v4 default to true.
      resource "azurerm_storage_account" "assets" {  # expect: azure-storage-no-public-blob-access
        name                     = "implicitpublic"
        resource_group_name      = "rg-web"
        location                 = "westeurope"
        account_tier             = "Standard"
        account_replication_type = "LRS"
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_storage_account" "assets" {
        name                            = "privateassets"
        resource_group_name             = "rg-web"
        location                        = "westeurope"
        account_tier                    = "Standard"
        account_replication_type        = "LRS"
        allow_nested_items_to_be_public = false
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      # azurerm v2 spelling
      resource "azurerm_storage_account" "legacy" {
        name                     = "stlegacy"
        resource_group_name      = "rg-data"
        location                 = "westeurope"
        account_tier             = "Standard"
        account_replication_type = "LRS"
        allow_blob_public_access = false
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_storage_account" "legacy" {
        name                     = "stlegacy"
        resource_group_name      = "rg-data"
        location                 = "westeurope"
        account_tier             = "Standard"
        account_replication_type = "LRS"
        allow_blob_public_access = true  # expect: azure-storage-no-public-blob-access
      }
    EOT
  }
}
