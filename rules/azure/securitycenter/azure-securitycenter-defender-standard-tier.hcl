rule "azure-securitycenter-defender-standard-tier" {
  title     = "Microsoft Defender plan is on the Free tier"
  severity  = "medium"
  area      = "configuration-posture"
  resources = ["azurerm_security_center_subscription_pricing"]
  aliases   = ["CKV_AZURE_19", "CKV_AZURE_55", "CKV_AZURE_61", "CKV_AZURE_69", "CKV_AZURE_79", "CKV_AZURE_84", "CKV_AZURE_85", "CKV_AZURE_86", "CKV_AZURE_87", "CKV_AZURE_234", "AVD-AZU-0045", "azure-securitycenter-enable-standard-subscription"]

  description = <<-EOT
    The Free tier of Defender for Cloud gives only posture recommendations. The Standard tier of a
    plan (servers, storage, SQL, Key Vault, containers, ...) adds threat detection for that resource
    type: alerts on brute-force attempts, malware uploads, anomalous data access, suspicious
    activity in Key Vault. With a plan on Free, attacks against those resources go unnoticed by the
    platform. Which plans run is the subscription owner's decision.

    `tier` is required; the rule reports `tier = "Free"`. Severity is medium: detection, not
    prevention.
  EOT
  remediation = "Set `tier = \"Standard\"` for each `resource_type` the subscription uses (VirtualMachines, StorageAccounts, SqlServers, KeyVaults, Containers, Arm, ...)."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/security_center_subscription_pricing#tier",
    "https://learn.microsoft.com/en-us/azure/defender-for-cloud/defender-for-cloud-introduction",
  ]

  assert {
    attribute "tier" {
      equals = "Standard"
    }
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_security_center_subscription_pricing" "servers" {
        tier          = "Free"  # expect: azure-securitycenter-defender-standard-tier
        resource_type = "VirtualMachines"
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      variable "defender_plans" {
        type    = map(string)
        default = {
          KeyVaults       = "Standard"
          StorageAccounts = "Free"
        }
      }

      resource "azurerm_security_center_subscription_pricing" "plan" {
        for_each      = var.defender_plans
        tier          = each.value  # expect: azure-securitycenter-defender-standard-tier azurerm_security_center_subscription_pricing.plan["StorageAccounts"]
        resource_type = each.key
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_security_center_subscription_pricing" "servers" {
        tier          = "Standard"
        resource_type = "VirtualMachines"
        subplan       = "P2"
      }
    EOT
  }
}
